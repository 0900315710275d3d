# `narrative diff`: the ceasefire case as known in September 2025 against the whole case
# (golden text and JSON), identical versions, and usage errors.
narrative_cli_test("golden: diff of the ceasefire case before and after January 2026"
    ARGS diff "${PROJECT_SOURCE_DIR}/tests/data/diff/ceasefire-2025-09.json" -
    INPUT "${NARRATIVE_CEASEFIRE}" EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/ceasefire-diff.txt")
narrative_cli_test("golden: diff as json"
    ARGS diff "${PROJECT_SOURCE_DIR}/tests/data/diff/ceasefire-2025-09.json" - --format json
    INPUT "${NARRATIVE_CEASEFIRE}" EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/ceasefire-diff.json")
narrative_cli_test("diff: a case against itself changes nothing"
    ARGS diff "${NARRATIVE_CEASEFIRE}" "${NARRATIVE_CEASEFIRE}"
    STDOUT "The two versions hold the same items.*No result moved beyond these thresholds.")
narrative_cli_test("diff: both versions from standard input is a usage error"
    ARGS diff - - EXIT 2 STDERR "only one of OLD and NEW can be -")
# --threads reaches the solves of the strengths; the output does not depend on it.
narrative_cli_test("diff with two threads gives the same json"
    ARGS diff "${PROJECT_SOURCE_DIR}/tests/data/diff/ceasefire-2025-09.json" - --format json --threads 2
    INPUT "${NARRATIVE_CEASEFIRE}" EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected/ceasefire-diff.json")
narrative_cli_test("diff refuses a thread count outside 0 to 1024"
    ARGS diff "${NARRATIVE_CEASEFIRE}" "${NARRATIVE_CEASEFIRE}" --threads 1025
    EXIT 2 NO_STDOUT STDERR "--threads must be from 0 to 1024, got 1025 \\(0 uses every core\\)")
