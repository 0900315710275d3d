# CLI tests of case tables (CSV/TSV: a statements table and the relations, actors,
# propositions and case tables beside it) and of stance tables (--from stance-csv).
set(tables_data "${PROJECT_SOURCE_DIR}/tests/data/tables")

# Reading: a mapping file or --columns / --relation-columns rename the analyst's columns.
narrative_cli_test("convert reads tables with a mapping file"
    ARGS convert "${tables_data}/bridge.csv" - --to json --mapping "${tables_data}/bridge.mapping.json"
    EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/convert-bridge-tables.json")
narrative_cli_test("convert reads tables with column options"
    ARGS convert "${tables_data}/bridge.csv" - --to json
         --columns id=claim_id,actor=speaker,time=date,text=Claim,ignore=Notes
         --relation-columns from=source,to=target,type=relation,weight=confidence,note=why
    EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/convert-bridge-tables.json")
narrative_cli_test("convert names the columns no key matches"
    ARGS convert "${tables_data}/bridge.csv" - --to json
    EXIT 1 NO_STDOUT
    STDERR "bridge.csv:1:1: error: unknown column \"claim_id\" in the statements table; keys: id, actor, .*bridge.csv:1: error: missing column \"id\" in the statements table; columns: claim_id, speaker, date, Claim, Notes\n.*bridge.relations.csv:1:1: error: unknown column \"source\" in the relations table")
narrative_cli_test("convert reads a statements table from standard input"
    ARGS convert - - --from csv --to json --columns id=claim_id,actor=speaker,time=date,text=Claim,ignore=Notes
    INPUT "${tables_data}/bridge.csv"
    STDOUT "\"id\": \"engineer-03-06\",\n *\"actor\": \"engineer\",\n *\"time\": \"2024-03-06\",\n *\"text\": \"Load tests showed the deck was unsafe \\\\\"under full load\\\\\"\"")
narrative_cli_test("convert refuses a mapping key a table does not have"
    ARGS convert "${tables_data}/bridge.csv" - --to json --columns speaker=speaker
    EXIT 2 NO_STDOUT STDERR "table mapping: unknown statements key \"speaker\"; keys: id, actor, time")

# Writing: the statements table to standard output (the other tables need a file).
narrative_cli_test("convert writes the statements table"
    ARGS convert - - --from json --to csv
    INPUT "${NARRATIVE_CEASEFIRE}"
    EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/convert-ceasefire-statements.csv"
    STDERR "<stdin>: warning: only the statements table goes to standard output: 26 relations, 9 actors and 7 propositions are left out")

# Round trips through every table, in CSV and TSV.
foreach(ext csv tsv)
    add_test(NAME "cli: convert round trip case ${ext} case keeps every table"
        COMMAND ${CMAKE_COMMAND} "-DTOOL=$<TARGET_FILE:narrative_cli>" "-DCASE=${NARRATIVE_CEASEFIRE}"
                "-DEXT=${ext}" "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/tables-round-trip-${ext}"
                -P "${PROJECT_SOURCE_DIR}/tests/cmake/tables_round_trip.cmake")
    set_tests_properties("cli: convert round trip case ${ext} case keeps every table" PROPERTIES
        LABELS cli FIXTURES_SETUP "tables_${ext}")
endforeach()
# Analysis commands take the tables by their extension, with the results of the case file.
narrative_cli_test("contradictions reads tables"
    ARGS contradictions "${CMAKE_CURRENT_BINARY_DIR}/tables-round-trip-tsv/first.tsv" --format json
    EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/ceasefire-contradictions.json")
set_tests_properties("cli: contradictions reads tables" PROPERTIES FIXTURES_REQUIRED tables_tsv)

# Stance tables need their columns.
narrative_cli_test("convert reads a stance table"
    ARGS convert "${tables_data}/stance.csv" - --from stance-csv --to json
         --columns actor=source,proposition=claimId,proposition_text=claimHeadline,stance=articleHeadlineStance,text=articleHeadline,stance_values=for:asserts+against:denies+observing:reports
    EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/convert-stance-table.json")
narrative_cli_test("convert asks for the columns of a stance table"
    ARGS convert "${tables_data}/stance.csv" - --from stance-csv --to json
    EXIT 2 NO_STDOUT STDERR "a stance table needs its columns: give --columns actor=COLUMN,proposition=COLUMN")
narrative_cli_test("convert refuses a stance table with a bad row"
    ARGS convert "${tables_data}/stance.csv" - --from stance-csv --to json --columns actor=source,proposition=claimId,stance=articleHeadlineStance
    EXIT 1 NO_STDOUT STDERR "stance.csv:2: error: unknown stance \"for\"; valid: asserts, denies, reports\n.*stance.csv:3: error: unknown stance \"against\"")
narrative_cli_test("convert leaves bad stance rows out when asked"
    ARGS convert "${tables_data}/stance.csv" - --from stance-csv --to json --skip-bad-rows
         --columns actor=source,proposition=claimId,stance=articleHeadlineStance,stance_values=for:asserts+against:denies
    STDOUT "\"id\": \"row-3\"" STDERR "stance.csv:4: warning: row left out: unknown stance \"observing\"; valid: against, for")

# The invalid corpus of tables (tests/invalid/case-csv): exit code 1, nothing on standard output,
# the error at its table's line (and column for the header, bytes and quotes). A NAME.csv may
# have tables beside it (NAME.relations.csv, ...), which are not listed on their own.
set(invalid_tables "${PROJECT_SOURCE_DIR}/tests/invalid/case-csv")
set(NARRATIVE_INVALID_TABLES
    "base-out-of-range|base-out-of-range.csv:3: error: column \"base\": must be a number in .0, 1., got 1.5"
    "dangling-actor|dangling-actor.csv:2: error: column \"actor\": unknown actor \"indai\". did you mean \"india\"\\?"
    "dangling-relation|dangling-relation.relations.csv:3: error: column \"to\": unknown statement \"c\""
    "directed-not-boolean|directed-not-boolean.relations.csv:2: error: column \"directed\": must be true or false, got \"yes\""
    "duplicate-case-key|duplicate-case-key.case.csv:3: error: key \"title\" again \\(first on line 2\\)"
    "duplicate-column|duplicate-column.csv:1:3: error: column \"id\" gives \"id\" again \\(first in column 1\\)"
    "duplicate-id|duplicate-id.csv:4: error: column \"id\": duplicate statement id \"a\" \\(first at line 2\\)"
    "empty|empty.csv:1: error: empty table: the first row must name the columns"
    "invalid-time|invalid-time.csv:2: error: column \"time\": invalid time \"2025-13-01\": the month must be 01 to 12"
    "missing-id-column|missing-id-column.csv:1: error: missing column \"id\" in the statements table. columns: text"
    "non-utf8|non-utf8.csv:2:6: error: ill-formed UTF-8 byte .xe9 \\(a table is read as UTF-8\\)"
    "stray-quote|stray-quote.csv:2:6: error: unexpected character 'y' after a closing quote"
    "unknown-column|unknown-column.csv:1:3: error: unknown column \"wieght\" in the statements table"
    "unknown-stance|unknown-stance.csv:2: error: column \"stance\": must be \"asserts\", \"denies\" or \"reports\", got \"suggests\""
    "unterminated-quote|unterminated-quote.csv:2:3: error: unterminated quoted field"
    "wrong-field-count|wrong-field-count.csv:3: error: expected 3 fields, got 2")
foreach(entry IN LISTS NARRATIVE_INVALID_TABLES)
    string(FIND "${entry}" "|" bar)
    string(SUBSTRING "${entry}" 0 ${bar} name)
    math(EXPR rest "${bar} + 1")
    string(SUBSTRING "${entry}" ${rest} -1 regex)
    narrative_cli_test("invalid tables ${name}" ARGS convert "${invalid_tables}/${name}.csv" - --to json
        EXIT 1 NO_STDOUT STDERR "${regex}")
endforeach()
file(GLOB corpus_files RELATIVE "${invalid_tables}" "${invalid_tables}/*.csv")
list(FILTER corpus_files EXCLUDE REGEX "\\.(relations|actors|propositions|case)\\.csv$")
list(LENGTH corpus_files corpus_count)
list(LENGTH NARRATIVE_INVALID_TABLES listed_count)
if(NOT corpus_count EQUAL listed_count)
    message(FATAL_ERROR "tests/invalid/case-csv has ${corpus_count} tables but tests/cli/tables.cmake lists ${listed_count}")
endif()

# check takes tables by their extension too.
narrative_cli_test("check locates a bad cell of a table"
    ARGS check "${invalid_tables}/base-out-of-range.csv"
    EXIT 1 NO_STDOUT STDERR "base-out-of-range.csv:3: error: column \"base\": must be a number in .0, 1., got 1.5")
narrative_cli_test("check summarises tables"
    ARGS check "${CMAKE_CURRENT_BINARY_DIR}/tables-round-trip-csv/first.csv"
    STDOUT "valid case.*actors +9.*propositions +7.*statements +21.*relations +26")
set_tests_properties("cli: check summarises tables" PROPERTIES FIXTURES_REQUIRED tables_csv)

# merge takes the table options for its table inputs, and other formats beside them.
narrative_cli_test("merge reads tables with a mapping and ClaimReview"
    ARGS merge "${tables_data}/bridge.csv" "${PROJECT_SOURCE_DIR}/tests/data/claimreview/fact-checks.json"
         -o - --to json --mapping "${tables_data}/bridge.mapping.json"
    STDOUT "\"id\": \"engineer-03-06\",.*\"id\": \"review-3\",")
narrative_cli_test("convert writes only the statements table to a stream named as a file"
    ARGS convert - /dev/stdout --from json --to tsv
    INPUT "${NARRATIVE_CEASEFIRE}"
    STDOUT "^...id\tactor\ttime\ttext\tsource\tbase\tevidence\tinterest\tproposition\tvalue\tstance\t"
    STDERR "<stdin>: warning: only the statements table goes to /dev/stdout: 26 relations")
