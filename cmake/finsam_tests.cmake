# cmake/finsam_tests.cmake — the one way to declare a GoogleTest binary (used by tests/ and connectors/*/tests).
# SPDX-License-Identifier: Apache-2.0
find_package(GTest REQUIRED)
include(GoogleTest)

set(FINSAM_TEST_DEFINITIONS
    FINSAM_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    FINSAM_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    FINSAM_HUB_BINARY="$<TARGET_FILE:finsam-hub>"
    FINSAM_CONNECTOR_DIR="${FINSAM_CONNECTOR_DIR}")

# finsam_add_tests(<name> SOURCES ... LIBS ...): one GoogleTest binary, each test its own ctest entry.
function(finsam_add_tests name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_compile_options(${name} PRIVATE ${FINSAM_WARNINGS})
    target_compile_definitions(${name} PRIVATE ${FINSAM_TEST_DEFINITIONS})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
    # Every feed event a test produces is checked against its schema (core/feed/event_schemas.h); hubs the
    # test starts as child processes inherit the variable.
    # The label is the binary, so a partial build (scripts/test.sh's ThreadSanitizer pass) runs its own with -L.
    # Sanitized code runs several times slower: its tests get the longer limit.
    set(timeout 300)
    if(FINSAM_SANITIZE)
        set(timeout 900)
    endif()
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 120
        PROPERTIES TIMEOUT ${timeout} LABELS ${name} ENVIRONMENT FINSAM_VALIDATE_FEED_EVENTS=1)
endfunction()

