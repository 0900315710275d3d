# CLI tests of the Argdown JSON import (a .json file with a top-level "arguments", or
# --from argdown-json): the same case as the Argdown text, located errors.
narrative_cli_test("convert reads Argdown JSON by its content"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/data/argdown/ceasefire-debate.json" - --to argdown
    STDOUT "^\\[US mediation\\]: The United States mediated the ceasefire. {speaker: \"trump\", date: \"2025-05-10\", source: \"https://example.org/post\"}\n")
narrative_cli_test("convert reads Argdown JSON from standard input"
    ARGS convert - - --from argdown-json --to i23
    INPUT "${PROJECT_SOURCE_DIR}/tests/data/argdown/ceasefire-debate.json"
    STDOUT "^p af 5\n# 1=US mediation\n# 2=Bilateral\n# 3=<Refusal>\n# 4=<Refusal> \\(1\\)\n# 5=<Refusal> \\(2\\)\n1 2\n2 1\n$")

# The invalid corpus (tests/invalid/argdown-json): exit code 1, nothing on standard output,
# the error at its JSON Pointer (syntax errors at line:column).
set(invalid_argdown_json "${PROJECT_SOURCE_DIR}/tests/invalid/argdown-json")
set(NARRATIVE_INVALID_ARGDOWN_JSON
    "empty-title|:/statements/: error: empty title"
    "invalid-date|:/statements/s/members/0/data: error: date: invalid time \"2024-13-01\""
    "non-utf8|:3:50: error: invalid JSON: .*ill-formed UTF-8 byte"
    "not-an-object|: error: an Argdown JSON export must be a JSON object, got an array"
    "pcs-without-conclusion|:/arguments/A/pcs: error: a premise–conclusion structure needs a premise and a conclusion"
    "relation-without-type|:/relations/0: error: missing \"relationType\""
    "speaker-not-text|:/statements/s/members/0/data: error: speaker must be text, got an array"
    "statements-not-object|:/statements: error: must be an object keyed by title or an array, got a number"
    "trailing-comma|:3:1: error: invalid JSON: .*unexpected '}'"
    "unknown-relation-type|:/relations/0/relationType: error: unknown relation type \"refutes\"")
foreach(entry IN LISTS NARRATIVE_INVALID_ARGDOWN_JSON)
    string(FIND "${entry}" "|" bar)
    string(SUBSTRING "${entry}" 0 ${bar} name)
    math(EXPR rest "${bar} + 1")
    string(SUBSTRING "${entry}" ${rest} -1 regex)
    narrative_cli_test("invalid argdown-json ${name}"
        ARGS convert "${invalid_argdown_json}/${name}.json" - --from argdown-json --to json
        EXIT 1 NO_STDOUT STDERR "${name}.json${regex}")
endforeach()
file(GLOB corpus_files RELATIVE "${invalid_argdown_json}" "${invalid_argdown_json}/*")
list(LENGTH corpus_files corpus_count)
list(LENGTH NARRATIVE_INVALID_ARGDOWN_JSON listed_count)
if(NOT corpus_count EQUAL listed_count)
    message(FATAL_ERROR "tests/invalid/argdown-json has ${corpus_count} files but tests/cli/argdown_json.cmake lists ${listed_count}")
endif()
