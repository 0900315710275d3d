# Runs COMMAND (a ;-list) and compares its standard output with the file EXPECTED.
# COMMAND has "::" between its words.
# Usage: cmake -DCOMMAND=... -DEXPECTED=... [-DWORKING_DIRECTORY=...] -P narrative_run_and_compare.cmake
string(REPLACE "::" ";" COMMAND "${COMMAND}")
if(NOT WORKING_DIRECTORY)
    set(WORKING_DIRECTORY ".")
endif()
execute_process(COMMAND ${COMMAND} WORKING_DIRECTORY "${WORKING_DIRECTORY}"
    OUTPUT_VARIABLE actual ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "command failed with status ${status}:\n${errors}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "output differs from ${EXPECTED}; actual output:\n${actual}")
endif()
