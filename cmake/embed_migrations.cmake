# cmake/embed_migrations.cmake — writes the numbered .sql migrations into a C++ table (run by core/CMakeLists.txt).
# SPDX-License-Identifier: Apache-2.0
set(body "")
foreach(file ${FILES})
    get_filename_component(name ${file} NAME_WE)
    file(READ ${file} sql)
    string(APPEND body "    {\"${name}\", R\"finsamsql(${sql})finsamsql\"},\n")
endforeach()
file(WRITE ${OUT} "// Generated from core/store/migrations/*.sql; do not edit.\n#include \"core/store/migrations.h\"\n\nnamespace finsam::store {\nconst std::vector<Migration>& embeddedMigrations() {\n    static const std::vector<Migration> all = {\n${body}    };\n    return all;\n}\n}  // namespace finsam::store\n")
