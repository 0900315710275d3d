# AIF in convert and merge: golden files, format detection and messages.
set(aif_expected "${PROJECT_SOURCE_DIR}/tests/cli/expected")
set(aif_data "${PROJECT_SOURCE_DIR}/tests/data/aif")

# Runs the tool from the source folder, so that paths recorded in outputs (provenance) are the
# relative ones given, the same on every machine.
function(narrative_cli_source_test name)
    cmake_parse_arguments(PARSE_ARGV 1 T "NO_STDOUT" "EXIT;STDOUT;STDERR;EXPECTED" "ARGS")
    if(NOT DEFINED T_EXIT)
        set(T_EXIT 0)
    endif()
    string(REPLACE ";" "::" args "${T_ARGS}")
    add_test(NAME "cli: ${name}"
        COMMAND ${CMAKE_COMMAND} "-DTOOL=$<TARGET_FILE:narrative_cli>" "-DARGS=${args}" "-DEXIT=${T_EXIT}"
                "-DSTDOUT_REGEX=${T_STDOUT}" "-DSTDERR_REGEX=${T_STDERR}" "-DNO_STDOUT=${T_NO_STDOUT}"
                "-DEXPECTED=${T_EXPECTED}" "-DINPUT="
                -P "${PROJECT_SOURCE_DIR}/tests/cmake/run_cli.cmake"
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
    set_tests_properties("cli: ${name}" PROPERTIES LABELS "cli")
endfunction()

# A .json nodeset is told from a case file by its keys and read as AIF: speakers, utterance
# times, CA / RA / MA, the Questioning anchor; the annotator's copy is counted, not an actor.
narrative_cli_test("convert reads an AIF nodeset given as .json"
    ARGS convert "${aif_data}/harbour.json" - --to json
    EXPECTED "${aif_expected}/aif-harbour.json"
    STDERR "harbour.json:/nodes: warning: ignored 1 L-nodes without edges or locution \\(annotators' copies\\)")
narrative_cli_test("convert writes AIF when asked"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/data/gradual/mutual-support.json" - --to aif
    EXPECTED "${aif_expected}/convert-to-aif.json")
narrative_cli_test("convert writes .json as a case file, not AIF"
    ARGS convert "${aif_data}/harbour.json" "${CMAKE_CURRENT_BINARY_DIR}/harbour.case.json")
narrative_cli_test("convert --from json refuses an AIF nodeset with the case reader's message"
    ARGS convert "${aif_data}/harbour.json" - --to json --from json
    EXIT 1 NO_STDOUT STDERR "harbour.json: error: missing required key \"format\"")
narrative_cli_test("convert reports invalid AIF at its place"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/invalid/aif/dangling-edge.json" - --to json
    EXIT 1 NO_STDOUT STDERR "dangling-edge.json:/edges/1/toID: error: unknown node \"3\"")
narrative_cli_test("convert lists aif among the formats"
    ARGS convert "${NARRATIVE_CEASEFIRE}" - --to svg
    EXIT 2 NO_STDOUT STDERR "--to: .*aif")

# merge: the second nodeset shares I-node 106 (the same statement, kept once) and reuses id 116
# for another statement (renamed 116~2, reported); every item names its file.
narrative_cli_source_test("merge two AIF nodesets"
    ARGS merge tests/data/aif/harbour.json tests/data/aif/harbour-later.json -o - --to json
    EXPECTED "${aif_expected}/merge-harbour.json"
    STDERR "harbour-later.json:/statements/1/id: warning: statement id \"116\" is already taken; renamed \"116~2\"")
# Formats mix: a case file and a nodeset; the case's actor "bo" is matched by name.
narrative_cli_source_test("merge a case file and an AIF nodeset"
    ARGS merge tests/data/aif/harbour-case.json tests/data/aif/harbour.json -o - --to json
    EXPECTED "${aif_expected}/merge-case-and-aif.json")
narrative_cli_test("merge needs an output" ARGS merge "${aif_data}/harbour.json"
    EXIT 2 NO_STDOUT STDERR "--output is required")
narrative_cli_test("merge refuses to overwrite an input"
    ARGS merge "${aif_data}/harbour.json" "${aif_data}/harbour-later.json" -o "${aif_data}/harbour.json"
    EXIT 2 STDERR "refusing to overwrite the input file")

# case -> AIF -> case through files: the identity on every example case.
foreach(case_file IN ITEMS "${NARRATIVE_CEASEFIRE}" "${PROJECT_SOURCE_DIR}/examples/cases/watergate.json"
                           "${PROJECT_SOURCE_DIR}/examples/cases/iraq-wmd.json"
                           "${PROJECT_SOURCE_DIR}/examples/cases/flint-water.json"
                           "${PROJECT_SOURCE_DIR}/examples/cases/wirecard.json")
    get_filename_component(case_name "${case_file}" NAME_WE)
    add_test(NAME "cli: convert round trip json aif json (${case_name})"
        COMMAND ${CMAKE_COMMAND} "-DTOOL=$<TARGET_FILE:narrative_cli>" "-DCASE=${case_file}"
                "-DJSON=${CMAKE_CURRENT_BINARY_DIR}/${case_name}.aifrt.json"
                "-DAIF=${CMAKE_CURRENT_BINARY_DIR}/${case_name}.aifrt.aif.json"
                "-DBACK=${CMAKE_CURRENT_BINARY_DIR}/${case_name}.aifrt.back.json"
                -P "${PROJECT_SOURCE_DIR}/tests/cmake/convert_round_trip_aif.cmake")
    set_tests_properties("cli: convert round trip json aif json (${case_name})" PROPERTIES LABELS cli)
endforeach()

# The analysis commands take an AIF nodeset as their case argument.
narrative_cli_test("contradictions reads an AIF nodeset"
    ARGS contradictions "${aif_data}/harbour.json"
    STDOUT "4 statements, 3 relations \\(0 inferred from claims\\), 1 direct contradictions"
    STDERR "harbour.json:/nodes: warning: ignored 1 L-nodes without edges or locution")
narrative_cli_test("check reports an invalid AIF nodeset at its place"
    ARGS check "${PROJECT_SOURCE_DIR}/tests/invalid/aif/duplicate-node-id.json"
    EXIT 1 NO_STDOUT STDERR "duplicate-node-id.json:/nodes/1/nodeID: error: duplicate node id \"1\"")
