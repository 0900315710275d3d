# CLI tests of the ICCMA formats (apx, tgf, i23): convert to and from them, extensions on them.
set(NARRATIVE_ICCMA_DATA "${PROJECT_SOURCE_DIR}/tests/data/iccma")
set(NARRATIVE_ICCMA_EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected")
set(NARRATIVE_DMT_IDEAL "${PROJECT_SOURCE_DIR}/tests/data/extensions/dmt-ideal.json")

# Dung (1995), the Nixon diamond: two preferred extensions, one per argument.
narrative_cli_test("extensions reads an apx file from standard input"
    ARGS extensions - --from apx --semantics preferred
    INPUT "${NARRATIVE_ICCMA_DATA}/nixon-diamond.apx"
    EXPECTED "${NARRATIVE_ICCMA_EXPECTED}/extensions-nixon-diamond-apx.txt")
narrative_cli_test("extensions tells an apx file by its extension"
    ARGS extensions "${NARRATIVE_ICCMA_DATA}/nixon-diamond.apx" --semantics grounded --format json
    STDOUT "\"count\": 1,[ \n]*\"extensions\": \\[[ \n]*\\[\\][ \n]*\\]")
# Dung, Mancarella & Toni (2007) as i23 with name comments: ideal {d}, by statement id.
narrative_cli_test("extensions reads an i23 file with its name comments"
    ARGS extensions "${NARRATIVE_ICCMA_DATA}/dmt-ideal.i23" --semantics ideal --format json
    EXPECTED "${NARRATIVE_ICCMA_EXPECTED}/extensions-dmt-ideal-i23.json")
narrative_cli_test("extensions reads a tgf file"
    ARGS extensions "${NARRATIVE_ICCMA_DATA}/dmt-ideal.tgf" --semantics preferred --format json
    STDOUT "\\[[ \n]*\"a\",[ \n]*\"d\"[ \n]*\\],[ \n]*\\[[ \n]*\"b\",[ \n]*\"d\"[ \n]*\\]")
narrative_cli_test("extensions refuses an unknown input format"
    ARGS extensions "${NARRATIVE_ICCMA_DATA}/dmt-ideal.tgf" --from af --semantics grounded
    EXIT 2 NO_STDOUT STDERR "--from: af not in \\{json,apx,tgf,i23\\}")
narrative_cli_test("extensions locates an error in an i23 file"
    ARGS extensions - --from i23 --semantics grounded
    INPUT "${PROJECT_SOURCE_DIR}/tests/invalid/iccma/out-of-range.i23"
    EXIT 1 NO_STDOUT STDERR "<stdin>:4:3: error: argument 5 is not among 1…4 \\(declared by \"p af 4\"\\)")

# convert writes the attack graph: mutual contradictions as two attacks, sorted.
foreach(format apx tgf i23)
    narrative_cli_test("convert writes ${format}"
        ARGS convert "${NARRATIVE_DMT_IDEAL}" - --to ${format}
        EXPECTED "${NARRATIVE_ICCMA_EXPECTED}/convert-dmt-ideal.${format}")
    add_test(NAME "cli: convert round trip case ${format} case keeps the attacks"
        COMMAND ${CMAKE_COMMAND} "-DTOOL=$<TARGET_FILE:narrative_cli>" "-DCASE=${NARRATIVE_CEASEFIRE}"
                "-DFORMAT=${format}" "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/iccma-round-trip-${format}"
                -P "${PROJECT_SOURCE_DIR}/tests/cmake/format_round_trip.cmake")
    set_tests_properties("cli: convert round trip case ${format} case keeps the attacks" PROPERTIES LABELS cli)
endforeach()
narrative_cli_test("convert reads i23 into directed contradictions named by the comments"
    ARGS convert "${NARRATIVE_ICCMA_DATA}/dmt-ideal.i23" - --to json
    EXPECTED "${NARRATIVE_ICCMA_EXPECTED}/convert-dmt-ideal-i23.json")
narrative_cli_test("convert warns about what ICCMA drops"
    ARGS convert "${NARRATIVE_CEASEFIRE}" - --to apx --no-infer
    STDOUT "^arg\\(trump-2025-05-10\\)\\."
    STDERR "ceasefire.json:/relations/[0-9]+: warning: [0-9]+ supports relations dropped: apx has attacks only\n.*ceasefire.json: warning: actors, propositions and claims, times, texts, sources, base scores, relation weights, relation notes and x- extensions dropped")
narrative_cli_test("convert refuses ids tgf cannot write"
    ARGS convert - - --from json --to tgf
    INPUT "${PROJECT_SOURCE_DIR}/tests/data/whitespace.json"
    EXIT 3 NO_STDOUT STDERR "<stdin>:/statements/[0-9]+/id: error: cannot be written as TGF: the id .* holds white space.*narrative: cannot write <stdout>: tgf cannot carry some ids of the case")
narrative_cli_test("convert locates a syntax error in apx"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/invalid/iccma/missing-dot.apx" - --to json
    EXIT 1 NO_STDOUT STDERR "missing-dot.apx:3:10: error: expected \"\\.\", found \"%\"")
narrative_cli_test("convert refuses a huge p af N"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/invalid/iccma/huge-count.i23" - --to json
    EXIT 1 NO_STDOUT STDERR "huge-count.i23:1:6: error: too many arguments: 10000000000 \\(at most 1048576\\)")
narrative_cli_test("convert refuses ill-formed UTF-8 in tgf"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/invalid/iccma/latin1.tgf" - --to json
    EXIT 1 NO_STDOUT STDERR "latin1.tgf:2:4: error: ill-formed UTF-8 byte \\\\xe9")
