# CLI tests of the ClaimReview import (a .json file naming "ClaimReview", or --from claimreview).
set(claimreview_data "${PROJECT_SOURCE_DIR}/tests/data/claimreview")
narrative_cli_test("convert reads ClaimReview by its content"
    ARGS convert "${claimreview_data}/fact-checks.json" - --to json
    EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/convert-fact-checks-claimreview.json")
narrative_cli_test("convert reads ClaimReview from standard input"
    ARGS convert - - --from claimreview --to csv
    INPUT "${claimreview_data}/fact-checks.json"
    STDOUT "review-2,The Washington Post Fact Checker,2008-03,\"Footage of the 1996 arrival in Tuzla shows a greeting ceremony on the tarmac, not a run under fire\",,,finding,,,,,\"{\"\"alternateName\"\":\"\"Four Pinocchios\"\"}\"")
narrative_cli_test("contradictions reads ClaimReview"
    ARGS contradictions "${claimreview_data}/fact-checks.json"
    STDOUT "3 direct contradictions")
narrative_cli_test("check reports a rating that cannot be placed"
    ARGS check - INPUT "${PROJECT_SOURCE_DIR}/tests/data/claimreview/half-true.json"
    STDOUT "valid case" STDERR "<stdin>:/reviewRating: warning: rating \"Half True\" is neither true nor false: no relation")

# The invalid corpus (tests/invalid/claimreview): exit code 1, nothing on standard output, the
# error at its JSON Pointer (syntax errors at line:column).
set(invalid_claimreview "${PROJECT_SOURCE_DIR}/tests/invalid/claimreview")
set(NARRATIVE_INVALID_CLAIMREVIEW
    "author-without-name|:/author: error: names no one: give \"name\""
    "best-rating-not-number|:/reviewRating/bestRating: error: must be a number, got \"five\""
    "claims-not-array|:/claims: error: must be an array, got an object"
    "deep-nesting|:/x(/0)+: error: nesting deeper than 64 levels"
    "graph-not-array|:/@graph: error: must be an array, got an object"
    "invalid-time|:/itemReviewed/datePublished: error: invalid time \"2024-13-02\": the month must be 01 to 12"
    "item-not-object|:/itemReviewed: error: must be an object \\(a Claim\\), got an array"
    "missing-claim-reviewed|:/0: error: missing \"claimReviewed\": the text of the claim"
    "no-claimreview|: error: no ClaimReview found"
    "non-utf8|:3:34: error: invalid JSON: .*ill-formed UTF-8 byte"
    "not-an-object|: error: a ClaimReview file must be a JSON object or array, got a string"
    "rating-not-object|:/reviewRating: error: must be an object \\(a Rating\\), got a string"
    "trailing-comma|:4:1: error: invalid JSON: .*unexpected '}'")
foreach(entry IN LISTS NARRATIVE_INVALID_CLAIMREVIEW)
    string(FIND "${entry}" "|" bar)
    string(SUBSTRING "${entry}" 0 ${bar} name)
    math(EXPR rest "${bar} + 1")
    string(SUBSTRING "${entry}" ${rest} -1 regex)
    narrative_cli_test("invalid claimreview ${name}"
        ARGS convert "${invalid_claimreview}/${name}.json" - --from claimreview --to json
        EXIT 1 NO_STDOUT STDERR "${name}.json${regex}")
endforeach()
file(GLOB corpus_files RELATIVE "${invalid_claimreview}" "${invalid_claimreview}/*")
list(LENGTH corpus_files corpus_count)
list(LENGTH NARRATIVE_INVALID_CLAIMREVIEW listed_count)
if(NOT corpus_count EQUAL listed_count)
    message(FATAL_ERROR "tests/invalid/claimreview has ${corpus_count} files but tests/cli/claimreview.cmake lists ${listed_count}")
endif()
