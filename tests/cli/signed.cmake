# CLI tests of `narrative contradictions` and `narrative infer` (areas signed and infer).
set(NARRATIVE_SIGNED_DATA "${PROJECT_SOURCE_DIR}/tests/data/signed")
set(NARRATIVE_SIGNED_EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected")

# Signed-graphs reference §7 (compound-claim example): L = 1, statement c flagged as possibly
# compound with tornness 1/2. Golden outputs.
narrative_cli_test("contradictions reports the compound example as a table"
    ARGS contradictions "${NARRATIVE_SIGNED_DATA}/compound.json"
    EXPECTED "${NARRATIVE_SIGNED_EXPECTED}/contradictions-compound.txt")
narrative_cli_test("contradictions reports the compound example as json"
    ARGS contradictions - --format json
    INPUT "${NARRATIVE_SIGNED_DATA}/compound.json"
    EXPECTED "${NARRATIVE_SIGNED_EXPECTED}/contradictions-compound.json")
narrative_cli_test("contradictions writes markdown"
    ARGS contradictions "${NARRATIVE_SIGNED_DATA}/compound.json" --format markdown
    STDOUT "## Frustration\n\n- frustration index L = 1\\.0000 \\(exact\\)")

# The ceasefire case: Trump's mediation claims contradicted from four directions (India,
# Pakistan, the January 2026 documents, the media), the case balanced (L = 0), and Pakistan's
# private outreach in tension with its public line at the same time.
narrative_cli_test("contradictions shows trump contradicted from four directions"
    ARGS contradictions "${NARRATIVE_CEASEFIRE}"
    STDOUT "trump-2025-05-10 +trump +4 \\(india, jan-2026-documents, media, pakistan\\)")
narrative_cli_test("contradictions shows pakistan public and private lines in tension"
    ARGS contradictions "${NARRATIVE_CEASEFIRE}"
    STDOUT "pakistan-leadership +pakistan-leadership-2025-05-private +pakistan-leadership-2025-public-no-dependence +simultaneous +direct")
narrative_cli_test("contradictions json names its format and an exact frustration"
    ARGS contradictions "${NARRATIVE_CEASEFIRE}" --format json
    STDOUT "\"format\": \"narrative-contradictions/1\".*\"frustration\": {\n +\"value\": 0\\.0,\n +\"exact\": true")
narrative_cli_test("contradictions without inference has no inferred relation"
    ARGS contradictions "${NARRATIVE_CEASEFIRE}" --no-infer
    STDOUT "\\(0 inferred from claims\\)")
narrative_cli_test("contradictions rejects a path bound below two"
    ARGS contradictions "${NARRATIVE_CEASEFIRE}" --max-path 1
    EXIT 2 NO_STDOUT STDERR "--max-path must be from 2 to 8, got 1")
narrative_cli_test("contradictions rejects a path bound above eight"
    ARGS contradictions "${NARRATIVE_CEASEFIRE}" --max-path 9
    EXIT 2 NO_STDOUT STDERR "--max-path must be from 2 to 8, got 9")
# Every unsigned option refuses a negative number (the option parser alone would read "-1" as
# the largest unsigned value) and anything that is not a plain decimal integer.
foreach(case IN ITEMS "--limit;-1;0 to 18446744073709551615;-1" "--limit;0x10;0 to 18446744073709551615;0x10"
                      "--exact-max;-1;0 to 4294967295;-1" "--exact-max;1.5;0 to 4294967295;1[.]5"
                      "--max-path;-1;2 to 8;-1" "--max-path;+3;2 to 8;[+]3")
    list(GET case 0 option)
    list(GET case 1 value)
    list(GET case 2 range)
    list(GET case 3 value_regex)
    narrative_cli_test("contradictions rejects ${option} ${value}"
        ARGS contradictions "${NARRATIVE_CEASEFIRE}" ${option} ${value}
        EXIT 2 NO_STDOUT STDERR "^narrative: ${option} must be from ${range}, got ${value_regex}[ \n]")
endforeach()
narrative_cli_test("contradictions lists the strongest derived tensions up to a limit and counts all"
    ARGS contradictions "${NARRATIVE_SIGNED_DATA}/compound.json" --limit 2
    STDOUT "8 derived tensions \\(paths of at most 3 relations; the 2 strongest listed\\)")
narrative_cli_test("contradictions json counts every derived tension"
    ARGS contradictions "${NARRATIVE_SIGNED_DATA}/compound.json" --limit 0 --format json
    STDOUT "\"derived_total\": 8,\n +\"derived_complete\": true,\n +\"derived\": \\[\\],")
narrative_cli_test("contradictions says when a work bound stopped the path searches"
    ARGS contradictions "${NARRATIVE_SIGNED_DATA}/compound.json" --max-work 1 --format json
    STDOUT "\"derived_complete\": false,.*\"self_contradictions_complete\": false,")
narrative_cli_test("contradictions text says after how many statements the search stopped"
    ARGS contradictions "${NARRATIVE_SIGNED_DATA}/compound.json" --max-work 1
    STDOUT "the search reached its work limit after the first 1 of 5 statements; the count is a lower bound")
narrative_cli_test("contradictions rejects an unknown witness"
    ARGS contradictions "${NARRATIVE_CEASEFIRE}" --witness longest
    EXIT 2 NO_STDOUT STDERR "shortest or strongest")

# Inference on the ceasefire case: the exclusive ceasefire-broker values contradict, Trump's
# repeats are repetition and the Sept 2025 article's report is a relay.
narrative_cli_test("infer lists exclusive-values contradictions with reasons"
    ARGS infer "${NARRATIVE_CEASEFIRE}"
    STDOUT "trump-2025-05-10 +contradicts +india-2026-01-08 +exclusive-values +ceasefire-broker is exclusive")
narrative_cli_test("infer marks repetition and relay in json"
    ARGS infer "${NARRATIVE_CEASEFIRE}" --format json
    STDOUT "\"format\": \"narrative-infer/1\".*\"effect\": \"relay\".*\"effect\": \"repetition\"")
narrative_cli_test("infer runs one chosen rule"
    ARGS infer "${NARRATIVE_CEASEFIRE}" --rule same-claim
    STDOUT "Inferred relations \\(1\\)")
narrative_cli_test("infer rejects an unknown rule"
    ARGS infer "${NARRATIVE_CEASEFIRE}" --rule nope
    EXIT 2 NO_STDOUT STDERR "unknown inference rule \"nope\" \\(valid: same-claim")
narrative_cli_test("contradictions summary keeps the contradicted statements camps and self-contradictions"
    ARGS contradictions "${NARRATIVE_CEASEFIRE}" --summary
    STDOUT "Most contradicted statements.*Camps \\(competing narratives\\).*Self-contradictions and position shifts")

# Times far from 1970 (0800, 1815, 2500, 9999) keep their order: the 2025 statement comes first
# in the position shift, and the time span runs from the oldest to the latest date.
narrative_cli_test("contradictions orders a position shift to 2500"
    ARGS contradictions "${PROJECT_SOURCE_DIR}/tests/data/far-dates.json"
    STDOUT "chronicler +b +e +position-shift")
narrative_cli_test("check gives the time span of dates far from 1970"
    ARGS check "${PROJECT_SOURCE_DIR}/tests/data/far-dates.json"
    STDOUT "time span +0800-12-25 to 9999\n")
