# Command-line tests: exit codes, messages and golden outputs of the `narrative` tool.
#
# narrative_cli_test(NAME ARGS ... [EXIT code] [STDOUT regex] [STDERR regex] [NO_STDOUT]
#                    [EXPECTED file] [INPUT file])
# runs the tool through tests/cmake/run_cli.cmake and checks what it printed.
function(narrative_cli_test name)
    cmake_parse_arguments(PARSE_ARGV 1 T "NO_STDOUT" "EXIT;STDOUT;STDERR;EXPECTED;INPUT" "ARGS")
    if(NOT DEFINED T_EXIT)
        set(T_EXIT 0)
    endif()
    string(REPLACE ";" "::" args "${T_ARGS}")  # a list cannot pass through -D intact
    add_test(NAME "cli: ${name}"
        COMMAND ${CMAKE_COMMAND}
            "-DTOOL=$<TARGET_FILE:narrative_cli>"
            "-DARGS=${args}"
            "-DEXIT=${T_EXIT}"
            "-DSTDOUT_REGEX=${T_STDOUT}"
            "-DSTDERR_REGEX=${T_STDERR}"
            "-DNO_STDOUT=${T_NO_STDOUT}"
            "-DEXPECTED=${T_EXPECTED}"
            "-DINPUT=${T_INPUT}"
            -P "${PROJECT_SOURCE_DIR}/tests/cmake/run_cli.cmake"
        WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
    set_tests_properties("cli: ${name}" PROPERTIES LABELS "cli")
endfunction()

set(NARRATIVE_CEASEFIRE "${PROJECT_SOURCE_DIR}/examples/ceasefire/ceasefire.json")

# Every area adds its own CLI tests in tests/cli/<area>.cmake.
file(GLOB NARRATIVE_CLI_TEST_FILES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/cli/*.cmake")
foreach(cli_test_file IN LISTS NARRATIVE_CLI_TEST_FILES)
    include("${cli_test_file}")
endforeach()

add_test(NAME "docs: README example is examples/readme/main.cpp"
    COMMAND ${CMAKE_COMMAND} "-DREADME=${PROJECT_SOURCE_DIR}/README.md"
            "-DPROGRAM=${PROJECT_SOURCE_DIR}/examples/readme/main.cpp"
            -P "${PROJECT_SOURCE_DIR}/tests/cmake/readme_example.cmake")
set_tests_properties("docs: README example is examples/readme/main.cpp" PROPERTIES LABELS docs)
