# CLI tests of `narrative actors` and `narrative explain` (actor consistency and credibility).

narrative_cli_test("actors writes the narrative-actors json shape"
    ARGS actors "${NARRATIVE_CEASEFIRE}" --format json
    STDOUT "\"format\": \"narrative-actors/1\".*\"actors\": \\[.*\"self_consistency\".*\"external_consistency\".*\"credibility\".*\"propositions\": \\[.*\"verdict\": \"bilateral\"")
narrative_cli_test("actors gives a reason for every undefined score in json"
    ARGS actors "${NARRATIVE_CEASEFIRE}" --format json
    STDOUT "\"credibility\": null,[ \n]*\"credibility_reason\": \"only reports claims, never asserts or denies\"")
narrative_cli_test("actors shows India consistent throughout"
    ARGS actors "${NARRATIVE_CEASEFIRE}"
    STDOUT "india-government +4 +1\\.000")
narrative_cli_test("actors shows the public and private tension of Pakistan's leadership"
    ARGS actors "${NARRATIVE_CEASEFIRE}"
    STDOUT "pakistan-leadership: pakistan-leadership-2025-05-private \\(2025-05\\) vs pakistan-leadership-2025-public-no-dependence \\(2025\\): simultaneous, direct")
narrative_cli_test("actors lists Trump's claims as contradicted by the evidence"
    ARGS actors "${NARRATIVE_CEASEFIRE}" --format markdown
    STDOUT "- trump: trump-2025-05-10 \\(2025-05-10\\) asserts ceasefire-broker = us-mediation: belief 0\\.[0-3]")
narrative_cli_test("actors reads the case from standard input"
    ARGS actors - --credibility voting
    INPUT "${NARRATIVE_CEASEFIRE}"
    STDOUT "Actors \\(credibility: voting, ok, 1 iteration\\)")
foreach(algorithm voting sums average-log investment pooled-investment truthfinder 2-estimates 3-estimates stance-em)
    narrative_cli_test("actors runs ${algorithm}"
        ARGS actors "${NARRATIVE_CEASEFIRE}" --credibility ${algorithm} --format json
        STDOUT "\"algorithm\": \"${algorithm}\"")
endforeach()
narrative_cli_test("actors rejects an unknown credibility algorithm with exit code 2"
    ARGS actors "${NARRATIVE_CEASEFIRE}" --credibility pagerank
    EXIT 2 NO_STDOUT STDERR "unknown credibility algorithm \"pagerank\"; valid: voting, sums")
narrative_cli_test("actors exits 1 on a missing case file"
    ARGS actors "${CMAKE_CURRENT_BINARY_DIR}/no-such-case.json"
    EXIT 1 NO_STDOUT)

narrative_cli_test("explain actor says why Trump is contradicted"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --actor trump
    STDOUT "external consistency: 0\\.[0-4][0-9][0-9].*contradicted by india-2025-05.*contradicted by dar-2025-09")
narrative_cli_test("explain actor gives the tension behind Pakistan's self-consistency"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --actor pakistan-leadership --format json
    STDOUT "\"format\": \"narrative-explain/1\".*\"kind\": \"tension\",[ \n]*\"statement\": \"pakistan-leadership-2025-05-private\",[ \n]*\"source\": [^\n]*,[ \n]*\"other\": \"pakistan-leadership-2025-public-no-dependence\",[ \n]*\"relations\": \\[[ \n]*{[ \n]*\"from\": \"pakistan-leadership-2025-05-private\",[ \n]*\"to\": \"pakistan-leadership-2025-public-no-dependence\"")
narrative_cli_test("explain statement lists who stands behind each value"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --statement trump-2025-05-10
    STDOUT "belief in ceasefire-broker.*asserts by india-government \\(india-2026-01-08.*contradicted by india-2025-05")
narrative_cli_test("explain rejects an unknown actor with a suggestion"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --actor trum
    EXIT 2 NO_STDOUT STDERR "unknown actor \"trum\"; did you mean \"trump\"")
narrative_cli_test("explain needs an actor or a statement"
    ARGS explain "${NARRATIVE_CEASEFIRE}"
    EXIT 2 NO_STDOUT STDERR "give --actor ID, --statement ID or --proposition ID")
narrative_cli_test("explain takes only one of actor and statement"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --actor trump --statement trump-2025-05-10
    EXIT 2 NO_STDOUT)
