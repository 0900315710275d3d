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
foreach(algorithm voting sums average-log investment pooled-investment truthfinder 2-estimates 3-estimates stance-em evidence-em)
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

# evidence-em, the default: verdicts explained by the statements behind them.
narrative_cli_test("actors uses evidence-em by default"
    ARGS actors "${NARRATIVE_CEASEFIRE}"
    STDOUT "Actors \\(credibility: evidence-em, ok, [0-9]+ iterations\\)")
narrative_cli_test("actors json lists the statements behind each verdict with their weights and sources"
    ARGS actors "${NARRATIVE_CEASEFIRE}" --format json
    STDOUT "\"id\": \"pakistan-sought-us-pressure\",.*\"verdict\": \"true\",[ \n]*\"evidence\": \\[[ \n]*{[ \n]*\"statement\": \"documents-2026-01-08\",[ \n]*\"actor\": \"jan-2026-documents\",[ \n]*\"value\": \"true\",[ \n]*\"against\": false,[ \n]*\"role\": \"counted\",[ \n]*\"weight\": [0-9.]+,[ \n]*\"evidence\": \"document\",.*\"source\": \"Article, 8 Jan 2026")
narrative_cli_test("explain proposition gives each deciding statement with its weight and why"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --proposition pakistan-sought-us-pressure
    STDOUT "proposition pakistan-sought-us-pressure.*verdict: true.*documents-2026-01-08 \\(2026-01-08\\) by jan-2026-documents: for true, weight [0-9.]+ = [0-9.]+ x \\(actor [0-9.]+ \\+ document 1\\.386 \\+ neutral 0\\.000\\).*source: .*pakistan-leadership-2025-public-no-dependence \\(2025\\) by pakistan-leadership: for false, [^\n]*self-serving -0\\.693")
narrative_cli_test("explain proposition as json"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --proposition ceasefire-broker --format json
    STDOUT "\"format\": \"narrative-explain/1\".*\"proposition\": {[ \n]*\"id\": \"ceasefire-broker\",.*\"verdict\": \"bilateral\",[ \n]*\"evidence\": \\[")
narrative_cli_test("explain proposition shows a superseded statement and what replaced it"
    ARGS explain "${PROJECT_SOURCE_DIR}/examples/cases/watergate.json" --proposition nixon-knew-before-march-1973
    STDOUT "nixon-1974-04-29 \\(1974-04-29\\) by nixon: for false, superseded by nixon-1974-08-05-knew")
narrative_cli_test("explain rejects an unknown proposition with a suggestion"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --proposition ceasefire-brokr
    EXIT 2 NO_STDOUT STDERR "no statement with an actor makes a claim about proposition \"ceasefire-brokr\"; did you mean \"ceasefire-broker\"")
narrative_cli_test("explain proposition names the algorithm when it does not weigh statements"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --proposition ceasefire-broker --credibility voting
    STDOUT "voting does not weigh single statements.*dar-2025-09 \\(2025-09\\) by dar")
narrative_cli_test("explain actor cites the deciding statements with their weights and sources"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --actor trump
    STDOUT "credibility: 0\\.[0-9]+.*trump-2025-05-10 \\(2025-05-10\\) asserts ceasefire-broker = us-mediation: belief 0\\.0[0-9]+; counted with weight -?[0-9.]+ \\(claim, self-serving\\)[ \n]+\"His administration played a major role[^\n]*\"[ \n]+source: ")
narrative_cli_test("actors takes evidence weights from the command line"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --proposition pakistan-sought-us-pressure --evidence-weight document=1 --evidence-weight self-serving=1
    STDOUT "document 0\\.000 \\+ neutral 0\\.000")
foreach(bad "finding" "findng=2" "finding=0" "finding=-1" "finding=inf" "finding=nan" "finding=2x")
    narrative_cli_test("actors rejects the evidence weight ${bad}"
        ARGS actors "${NARRATIVE_CEASEFIRE}" --evidence-weight "${bad}"
        EXIT 2 NO_STDOUT STDERR "--evidence-weight")
endforeach()

# One rule for inferred relations: every analysis command adds them unless --no-infer.
# df-quad on the inferred mutual contradiction, bases ½: σ = ½ − ½·σ' for both, so σ = 1/3.
narrative_cli_test("score adds the relations inferred from claims"
    ARGS score "${PROJECT_SOURCE_DIR}/tests/data/credibility/claims-without-relations.json" --format json
    STDOUT "\"id\": \"s1\",[ \n]*\"actor\": \"a\",[ \n]*\"base\": 0\\.5,[ \n]*\"strength\": 0\\.333333")
narrative_cli_test("score with no-infer uses only the stated relations"
    ARGS score "${PROJECT_SOURCE_DIR}/tests/data/credibility/claims-without-relations.json" --format json --no-infer
    STDOUT "\"id\": \"s1\",[ \n]*\"actor\": \"a\",[ \n]*\"base\": 0\\.5,[ \n]*\"strength\": 0\\.5")
narrative_cli_test("convert draws the inferred relations in DOT"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/data/credibility/claims-without-relations.json" - --to dot
    STDOUT "\"s1\" -> \"s2\" \\[type=\"contradicts\".*provenance=\"inferred\"")
narrative_cli_test("convert with no-infer draws only the stated relations"
    ARGS convert "${PROJECT_SOURCE_DIR}/tests/data/credibility/claims-without-relations.json" - --to dot --no-infer
    STDOUT "^digraph [^>]*}\n$")
narrative_cli_test("actors leaves the actors past the --max-work bound without self-consistency, with the reason"
    ARGS actors "${NARRATIVE_CEASEFIRE}" --max-work 1 --format json
    STDOUT "\"id\": \"india-government\",.*\"self_consistency\": null,[ \n]*\"self_consistency_reason\": \"not searched: the self-contradiction search reached its work limit before this actor\"")

# explain --statement: the strength and the contribution of every statement reaching it.
narrative_cli_test("explain a statement shows its strength and the statements that moved it most"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --statement trump-2025-05-10
    STDOUT "strength under df-quad: 0\\.004 \\(base 0\\.500[^\n]*\n  contributions \\(removal: [^\n]*\n  -0\\.084  documents-2026-01-08 \\(contradicts it\\)\n")
narrative_cli_test("explain a statement with gradient contributions under another semantics"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --statement trump-2025-05-10 --semantics euler-based --contribution gradient
    STDOUT "strength under euler-based: [^\n]*\n  contributions \\(gradient: ")
narrative_cli_test("explain refuses --contribution without --statement"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --actor trump --contribution gradient
    EXIT 2 NO_STDOUT STDERR "--semantics and --contribution go with --statement")
narrative_cli_test("explain refuses an unknown contribution function"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --statement trump-2025-05-10 --contribution shapley
    EXIT 2 NO_STDOUT STDERR "unknown contribution function 'shapley' \\(valid: removal, gradient\\)")
narrative_cli_test("explain refuses an unknown semantics for the strength"
    ARGS explain "${NARRATIVE_CEASEFIRE}" --statement trump-2025-05-10 --semantics df-quadd
    EXIT 2 NO_STDOUT STDERR "unknown semantics 'df-quadd'")
