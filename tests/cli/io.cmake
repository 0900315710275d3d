# The invalid-input corpus (tests/invalid): every file gives exit code 1, nothing on standard
# output, and a message naming the right place (line:column for syntax, JSON Pointer otherwise).
set(invalid "${PROJECT_SOURCE_DIR}/tests/invalid")

# name            file                                expected location and message (regex)
set(NARRATIVE_INVALID_CASES
    "syntax-missing-comma|:4:21: error: invalid JSON: .*unexpected string literal"
    "syntax-trailing-comma|:5:3: error: invalid JSON: .*unexpected '.'"
    "truncated|:4:33: error: invalid JSON: .*missing closing quote"
    "empty-file|:1:1: error: invalid JSON: .*unexpected end of input"
    "nan-literal|:4:25: error: invalid JSON: .*invalid literal"
    "infinity-literal|:5:60: error: invalid JSON: .*invalid literal"
    "number-overflow|:4:25: error: invalid JSON: number overflow parsing '1e400'"
    "non-utf8|:4:30: error: invalid JSON: .*ill-formed UTF-8 byte"
    "not-an-object|: error: a case file must be a JSON object, got an array"
    "missing-format|: error: missing required key \"format\""
    "wrong-format|:/format: error: must be \"narrative/1\", got \"narrative/2\""
    "format-not-string|:/format: error: must be \"narrative/1\", got 1"
    "unknown-top-level-key|:/statments: error: unknown key \"statments\". did you mean \"statements\"\\?"
    "unknown-relation-key|:/relations/0/wieght: error: unknown key \"wieght\". did you mean \"weight\"\\?"
    "base-out-of-range|:/statements/1/base: error: must be a number in .0, 1., got 1.5"
    "base-wrong-type|:/statements/0/base: error: must be a number in .0, 1., got \"0.5\""
    "weight-zero|:/relations/0/weight: error: must be a number in \\(0, 1., got 0"
    "negative-prior|:/actors/0/prior: error: must be a number in .0, 1., got -0.1"
    "duplicate-statement-id|:/statements/2/id: error: duplicate statement id \"a\" \\(first at /statements/0/id\\)"
    "duplicate-actor-id|:/actors/1/id: error: duplicate actor id \"x\""
    "dangling-relation-target|:/relations/0/to: error: unknown statement \"trump-2025-05-1\". did you mean \"trump-2025-05-10\"\\?"
    "dangling-actor|:/statements/0/actor: error: unknown actor \"india-govt\". did you mean \"india-government\"\\?"
    "empty-statement-id|:/statements/1/id: error: statement id must not be empty"
    "empty-actor-id|:/actors/0/id: error: actor id must not be empty"
    "invalid-time|:/statements/0/time: error: invalid time \"2025-13-01\": the month must be 01 to 12"
    "invalid-stance|:/statements/0/claim/stance: error: must be \"asserts\", \"denies\" or \"reports\", got \"suggests\""
    "unknown-claim-value|:/statements/0/claim/value: error: unknown value \"us-mediaton\" of proposition \"broker\". did you mean \"us-mediation\"\\?"
    "missing-claim-value|:/statements/0/claim: error: missing required key \"value\""
    "invalid-relation-type|:/relations/0/type: error: must be \"supports\" or \"contradicts\", got \"attacks\""
    "directed-not-boolean|:/relations/0/directed: error: must be true or false, got \"yes\""
    "relation-missing-from|:/relations/0: error: missing required key \"from\""
    "statements-not-array|:/statements: error: must be an array, got an object"
    "missing-statements|: error: missing required key \"statements\""
    "duplicate-key|:/statements/0/text: error: duplicate key \"text\""
    "deep-nesting|:/statements/0/x-deep(/0)+: error: nesting deeper than 64 levels"
    "values-not-array|:/propositions/0/values: error: must be an array of strings, got a string"
    "many-errors|:/actors/0/prior: error: .*/statements/1/base: error: .*/statements/0/actor: error: unknown actor \"y\".*/relations/0/to: error: unknown statement \"c\"")
foreach(entry IN LISTS NARRATIVE_INVALID_CASES)
    string(FIND "${entry}" "|" bar)
    string(SUBSTRING "${entry}" 0 ${bar} name)
    math(EXPR rest "${bar} + 1")
    string(SUBSTRING "${entry}" ${rest} -1 regex)
    narrative_cli_test("invalid ${name}" ARGS check "${invalid}/${name}.json"
        EXIT 1 NO_STDOUT STDERR "${name}.json${regex}")
endforeach()

# Every file of the corpus is listed above (a new file without an expectation fails here).
file(GLOB corpus_files RELATIVE "${invalid}" "${invalid}/*.json")
list(LENGTH corpus_files corpus_count)
list(LENGTH NARRATIVE_INVALID_CASES listed_count)
if(NOT corpus_count EQUAL listed_count)
    message(FATAL_ERROR "tests/invalid has ${corpus_count} files but tests/cli/io.cmake lists ${listed_count}")
endif()

# The GraphML part of the corpus (tests/invalid/graphml), read by convert: exit code 1,
# nothing on standard output, the error at its line:column (bytes that are not text) or at its
# JSON Pointer in the equivalent case (text that character references make invalid).
set(NARRATIVE_INVALID_GRAPHML
    "latin1|:8:29: error: invalid GraphML: ill-formed UTF-8 byte .xe9 \\(GraphML is read as UTF-8. the file declares encoding \"ISO-8859-1\"\\)"
    "nul-byte|:8:27: error: invalid GraphML: the character U\\+0000, which XML 1.0 does not allow"
    "nul-reference|:/statements/0/text: error: the GraphML data holds the character U\\+0000, which XML 1.0 does not allow"
    "surrogate-reference|:/relations/0/note: error: the GraphML data holds ill-formed UTF-8 byte .xed"
    "trimmed-duplicate-id|:/statements/1/id: error: duplicate statement id \"a\" \\(first at /statements/0/id\\)")
foreach(entry IN LISTS NARRATIVE_INVALID_GRAPHML)
    string(FIND "${entry}" "|" bar)
    string(SUBSTRING "${entry}" 0 ${bar} name)
    math(EXPR rest "${bar} + 1")
    string(SUBSTRING "${entry}" ${rest} -1 regex)
    narrative_cli_test("invalid graphml ${name}" ARGS convert "${invalid}/graphml/${name}.graphml" - --to json
        EXIT 1 NO_STDOUT STDERR "${name}.graphml${regex}")
endforeach()
file(GLOB corpus_files RELATIVE "${invalid}/graphml" "${invalid}/graphml/*")
list(LENGTH corpus_files corpus_count)
list(LENGTH NARRATIVE_INVALID_GRAPHML listed_count)
if(NOT corpus_count EQUAL listed_count)
    message(FATAL_ERROR "tests/invalid/graphml has ${corpus_count} files but tests/cli/io.cmake lists ${listed_count}")
endif()

# A 100 MiB string is refused by the string-length limit, with its location.
add_test(NAME "cli: make the 100 MiB string case"
    COMMAND ${CMAKE_COMMAND} "-DOUT=${CMAKE_CURRENT_BINARY_DIR}/huge-string.json"
            -P "${PROJECT_SOURCE_DIR}/tests/cmake/make_huge_string_case.cmake")
set_tests_properties("cli: make the 100 MiB string case" PROPERTIES FIXTURES_SETUP huge_string LABELS cli)
narrative_cli_test("invalid huge-string" ARGS check "${CMAKE_CURRENT_BINARY_DIR}/huge-string.json"
    EXIT 1 NO_STDOUT
    STDERR "huge-string.json:/statements/0/text: error: string of 104857600 bytes is longer than the limit of 1048576 bytes")
set_tests_properties("cli: invalid huge-string" PROPERTIES FIXTURES_REQUIRED huge_string)

# Many diagnostics: 100000 unknown ids (each searched for a suggestion, up to the limit of
# read_options::max_suggestions) and 200000 statements sharing one id are checked in linear
# time, and only the first 100 diagnostics of a kind are printed, then their number.
add_test(NAME "cli: make the large invalid cases"
    COMMAND ${CMAKE_COMMAND} "-DDANGLING=${CMAKE_CURRENT_BINARY_DIR}/dangling-100k.json"
            "-DDUPLICATES=${CMAKE_CURRENT_BINARY_DIR}/duplicates-200k.json" -DCOUNT=200000
            -P "${PROJECT_SOURCE_DIR}/tests/cmake/make_large_cases.cmake")
set_tests_properties("cli: make the large invalid cases" PROPERTIES FIXTURES_SETUP large_cases LABELS cli)
narrative_cli_test("check caps 100000 unknown ids" ARGS check "${CMAKE_CURRENT_BINARY_DIR}/dangling-100k.json"
    EXIT 1 NO_STDOUT
    STDERR "/relations/99/to: error: unknown statement \"missing-99000\"\nnarrative: 99900 more errors of the kind \"unknown statement\" not printed \\(only the first 100 of each kind are\\)\n$")
narrative_cli_test("check caps 200000 duplicate ids" ARGS check "${CMAKE_CURRENT_BINARY_DIR}/duplicates-200k.json"
    EXIT 1 NO_STDOUT
    STDERR "/statements/100/id: error: duplicate statement id \"same\" \\(first at /statements/0/id\\)\nnarrative: 199899 more errors of the kind \"duplicate statement id\" not printed \\(only the first 100 of each kind are\\)\n$")
set_tests_properties("cli: check caps 100000 unknown ids" "cli: check caps 200000 duplicate ids"
    PROPERTIES FIXTURES_REQUIRED large_cases TIMEOUT 120)

# Standard input, and the summary of a valid case.
narrative_cli_test("check reads standard input" ARGS check - INPUT "${invalid}/wrong-format.json"
    EXIT 1 NO_STDOUT STDERR "<stdin>:/format: error")
narrative_cli_test("check summarises the ceasefire case" ARGS check "${NARRATIVE_CEASEFIRE}"
    STDOUT "valid case.*actors +9.*propositions +7.*statements +21.*relations +26")
narrative_cli_test("check json output" ARGS check "${NARRATIVE_CEASEFIRE}" --format json
    STDOUT "\"format\": \"narrative-check/1\".*\"valid\": true.*\"statements\": 21")

# Usage errors: exit code 2, nothing on standard output.
narrative_cli_test("unknown command" ARGS frobnicate EXIT 2 NO_STDOUT STDERR "unknown command 'frobnicate'")
narrative_cli_test("unknown option" ARGS check "${NARRATIVE_CEASEFIRE}" --frobnicate EXIT 2 NO_STDOUT)
narrative_cli_test("bad format value" ARGS check "${NARRATIVE_CEASEFIRE}" --format yaml EXIT 2 NO_STDOUT)
narrative_cli_test("missing input file" ARGS check does-not-exist.json EXIT 1 NO_STDOUT
    STDERR "cannot read does-not-exist.json: No such file or directory")
narrative_cli_test("version" ARGS --version STDOUT "^narrative [0-9]+\\.[0-9]+\\.[0-9]+")
narrative_cli_test("help" ARGS --help STDOUT "check.*convert.*semantics")

# convert: JSON -> JSON is a fixed point of the writer, JSON -> GraphML -> JSON is lossless.
set(cf_json "${CMAKE_CURRENT_BINARY_DIR}/ceasefire.roundtrip.json")
set(cf_graphml "${CMAKE_CURRENT_BINARY_DIR}/ceasefire.roundtrip.graphml")
set(cf_back "${CMAKE_CURRENT_BINARY_DIR}/ceasefire.back.json")
add_test(NAME "cli: convert round trip json graphml json"
    COMMAND ${CMAKE_COMMAND} "-DTOOL=$<TARGET_FILE:narrative_cli>" "-DCASE=${NARRATIVE_CEASEFIRE}"
            "-DJSON=${cf_json}" "-DGRAPHML=${cf_graphml}" "-DBACK=${cf_back}"
            -P "${PROJECT_SOURCE_DIR}/tests/cmake/convert_round_trip.cmake")
set_tests_properties("cli: convert round trip json graphml json" PROPERTIES LABELS cli)
# Whitespace in every kind of field (runs of spaces, leading and trailing spaces, tabs, line
# ends) survives JSON -> GraphML -> JSON exactly: "a b" and "a  b" stay two statements.
add_test(NAME "cli: convert round trip keeps whitespace"
    COMMAND ${CMAKE_COMMAND} "-DTOOL=$<TARGET_FILE:narrative_cli>"
            "-DCASE=${PROJECT_SOURCE_DIR}/tests/data/whitespace.json"
            "-DJSON=${CMAKE_CURRENT_BINARY_DIR}/whitespace.roundtrip.json"
            "-DGRAPHML=${CMAKE_CURRENT_BINARY_DIR}/whitespace.roundtrip.graphml"
            "-DBACK=${CMAKE_CURRENT_BINARY_DIR}/whitespace.back.json"
            -P "${PROJECT_SOURCE_DIR}/tests/cmake/convert_round_trip.cmake")
set_tests_properties("cli: convert round trip keeps whitespace" PROPERTIES LABELS cli)
# Text XML cannot carry (U+0000, other control characters) is refused before writing, each at
# its place (exit code 3, nothing written); inside JSON-valued fields it is escaped and kept.
narrative_cli_test("convert refuses text graphml cannot carry"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/data/unwritable-as-graphml.json" - --to graphml
    EXIT 3 NO_STDOUT
    STDERR "unwritable-as-graphml.json:/statements/0/text: error: cannot be written as GraphML: the character U\\+0000, which XML 1.0 does not allow.*unwritable-as-graphml.json:/relations/0/note: error: cannot be written as GraphML: the character U\\+0007, which XML 1.0 does not allow\nnarrative: cannot write <stdout>: GraphML cannot carry some text of the case \\(2 values, listed above\\)")
narrative_cli_test("convert of latin-1 graphml to graphml is an input error"
    ARGS convert "${invalid}/graphml/latin1.graphml" - --to graphml
    EXIT 1 NO_STDOUT STDERR "latin1.graphml:8:29: error: invalid GraphML: ill-formed UTF-8 byte")
narrative_cli_test("convert to dot" ARGS convert "${NARRATIVE_CEASEFIRE}" - --to dot
    STDOUT "^digraph narrative \\{.*subgraph \"cluster_trump\".*type=\"contradicts\".*dir=both")
narrative_cli_test("convert needs a format for standard output" ARGS convert "${NARRATIVE_CEASEFIRE}" -
    EXIT 2 NO_STDOUT STDERR "cannot tell the output format")
narrative_cli_test("convert refuses to read dot" ARGS convert x.dot y.json EXIT 2 NO_STDOUT
    STDERR "cannot read DOT: it is an export for drawing")
narrative_cli_test("convert refuses --from dot" ARGS convert "${NARRATIVE_CEASEFIRE}" y.json --from dot EXIT 2 NO_STDOUT
    STDERR "--from: cannot read DOT: it is an export for drawing.*formats that can be read: json, graphml")
narrative_cli_test("convert offers only the formats it reads for --from" ARGS convert --help
    STDOUT "--from TEXT:{json,graphml,aif,apx,tgf,i23,argdown,csv,tsv,stance-csv,claimreview,argdown-json}[ \n]")
narrative_cli_test("convert never overwrites its input" ARGS convert "${NARRATIVE_CEASEFIRE}" "${NARRATIVE_CEASEFIRE}"
    EXIT 2 STDERR "refusing to overwrite the input file")
narrative_cli_test("convert reports an unwritable output" ARGS convert "${NARRATIVE_CEASEFIRE}"
    "${CMAKE_CURRENT_BINARY_DIR}/no-such-folder/out.json" EXIT 3 NO_STDOUT STDERR "cannot write .*no such directory")
add_test(NAME "cli: output files: long names, symbolic links, standard output"
    COMMAND ${CMAKE_COMMAND} "-DTOOL=$<TARGET_FILE:narrative_cli>" "-DCASE=${NARRATIVE_CEASEFIRE}"
            "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/output-files"
            -P "${PROJECT_SOURCE_DIR}/tests/cmake/output_files.cmake")
set_tests_properties("cli: output files: long names, symbolic links, standard output" PROPERTIES LABELS cli)
narrative_cli_test("convert reports invalid graphml" ARGS convert "${PROJECT_SOURCE_DIR}/tests/data/broken.graphml" - --to json
    EXIT 1 NO_STDOUT STDERR "broken.graphml: error: invalid GraphML: line 6: unexpected end of data")
narrative_cli_test("convert checks graphml content" ARGS convert "${PROJECT_SOURCE_DIR}/tests/data/dangling.graphml" - --to json
    EXIT 1 NO_STDOUT STDERR "dangling.graphml:/statements/1/base: error: must be a number in .0, 1., got 2.*dangling.graphml:/statements/0/actor: error: unknown actor \"nobody\"")

# Out of memory is exit code 1 at every stage of a run, never an abort (nlohmann::json frees a
# document with an allocation of its own, which used to end a run out of memory while building
# JSON output in std::terminate, exit code 134). Address-space limits need a build without
# sanitizers.
find_program(NARRATIVE_PRLIMIT prlimit)
if(NARRATIVE_PRLIMIT AND NOT CMAKE_CXX_FLAGS MATCHES "sanitize")
    add_test(NAME "cli: out of memory is exit code 1 at every stage, never an abort"
        COMMAND ${CMAKE_COMMAND} "-DTOOL=$<TARGET_FILE:narrative_cli>" "-DPRLIMIT=${NARRATIVE_PRLIMIT}"
                "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/out-of-memory" -DLOW=40 -DHIGH=160 -DSTEP=1
                -P "${PROJECT_SOURCE_DIR}/tests/cmake/out_of_memory.cmake")
    set_tests_properties("cli: out of memory is exit code 1 at every stage, never an abort" PROPERTIES LABELS "cli")
endif()
