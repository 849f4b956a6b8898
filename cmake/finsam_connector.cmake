# cmake/finsam_connector.cmake — one way to build a connector: a static library (for tests) and a MODULE .so.
# SPDX-License-Identifier: Apache-2.0

# finsam_add_connector(<id> SOURCES a.cpp b.cpp EXPORT connector.cpp)
#   <id>_static      static library of SOURCES, linked by the connector's tests
#   libfinsam_connector_<id>.so  the plugin the host loads, built from EXPORT (the file with FINSAM_CONNECTOR_EXPORT)
# Connectors see the SDK and the toolkit only, never core/.
function(finsam_add_connector id)
    cmake_parse_arguments(ARG "" "EXPORT" "SOURCES;LIBS" ${ARGN})
    set(static_target ${id}_static)
    add_library(${static_target} STATIC ${ARG_SOURCES})
    target_compile_options(${static_target} PRIVATE ${FINSAM_WARNINGS})
    target_include_directories(${static_target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/src)
    target_link_libraries(${static_target} PUBLIC finsam_sdk finsam_sdk_toolkit ${ARG_LIBS})

    set(module_target finsam_connector_${id})
    add_library(${module_target} MODULE ${ARG_EXPORT})
    target_compile_options(${module_target} PRIVATE ${FINSAM_WARNINGS})
    target_link_libraries(${module_target} PRIVATE ${static_target} Poco::Foundation)
    set_target_properties(${module_target} PROPERTIES
        PREFIX "lib"
        OUTPUT_NAME "finsam_connector_${id}"
        LIBRARY_OUTPUT_DIRECTORY ${FINSAM_CONNECTOR_DIR}
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
endfunction()
