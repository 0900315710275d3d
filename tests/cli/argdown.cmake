# CLI tests of the Argdown import (convert reads `.argdown` files or --from argdown).
narrative_cli_test("convert reads argdown with speakers dates and a reconstruction"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/data/argdown/ceasefire-debate.argdown" - --to json
    EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/convert-ceasefire-debate-argdown.json")
narrative_cli_test("convert reads argdown from standard input"
    ARGS convert - - --from argdown --to i23
    INPUT "${PROJECT_SOURCE_DIR}/tests/data/argdown/ceasefire-debate.argdown"
    STDOUT "^p af 5\n# 1=US mediation\n# 2=Bilateral\n# 3=<Refusal>\n# 4=<Refusal> \\(1\\)\n# 5=<Refusal> \\(2\\)\n1 2\n2 1\n$")
narrative_cli_test("convert locates an argdown error"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/invalid/argdown/missing-conclusion.argdown" - --to json
    EXIT 1 NO_STDOUT STDERR "missing-conclusion.argdown:5:1: error: missing conclusion after the inference line")
narrative_cli_test("convert lists the formats it writes"
    ARGS convert "${NARRATIVE_CEASEFIRE}" - --to xlsx
    EXIT 2 NO_STDOUT STDERR "cannot write format \"xlsx\"; formats that can be written: json, graphml, dot, aif, apx, tgf, i23, argdown")
if(NARRATIVE_HAVE_SHARED_DATA)
    narrative_cli_test("convert imports the argdown primer"
        ARGS convert "${NARRATIVE_SHARED_DATA_DIR}/argdown/argdown-primer.argdown" - --to json
        STDOUT "\"id\": \"<Argument 1>\"")
    set_tests_properties("cli: convert imports the argdown primer" PROPERTIES LABELS "cli;data")
    narrative_cli_test("convert imports the state censorship debate"
        ARGS convert "${NARRATIVE_SHARED_DATA_DIR}/argdown/state-censorship.argdown" - --to json
        STDOUT "\"title\": \"Censorship from the State\"")
    set_tests_properties("cli: convert imports the state censorship debate" PROPERTIES LABELS "cli;data")
endif()

# Writing Argdown: statements as definitions with their data, relations as reference blocks.
narrative_cli_test("convert writes argdown that reads back"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/data/argdown/ceasefire-debate.argdown" - --to argdown
    EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/convert-ceasefire-debate.argdown")
add_test(NAME "cli: convert round trip case argdown case keeps statements and relations"
    COMMAND ${CMAKE_COMMAND} "-DTOOL=$<TARGET_FILE:narrative_cli>" "-DCASE=${NARRATIVE_CEASEFIRE}"
            "-DFORMAT=argdown" "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/argdown-round-trip"
            -P "${PROJECT_SOURCE_DIR}/tests/cmake/format_round_trip.cmake")
set_tests_properties("cli: convert round trip case argdown case keeps statements and relations" PROPERTIES LABELS cli)
narrative_cli_test("convert refuses text argdown cannot carry"
    ARGS convert - - --from json --to argdown
    INPUT "${PROJECT_SOURCE_DIR}/tests/data/whitespace.json"
    EXIT 3 NO_STDOUT STDERR "<stdin>:/statements/[0-9]+/[a-z]+: error: cannot be written as Argdown: .*narrative: cannot write <stdout>: Argdown cannot carry some text of the case")
