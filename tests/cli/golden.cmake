# Golden outputs of every analysis command on the ceasefire case, read from standard input so
# the files name no path. They pin today's output byte for byte: a change in any of them must be
# deliberate (regenerate the file and say why in the commit).
set(NARRATIVE_GOLDEN "${PROJECT_SOURCE_DIR}/tests/cli/expected")

function(narrative_golden name file)
    narrative_cli_test("golden: ${name}" ARGS ${ARGN} INPUT "${NARRATIVE_CEASEFIRE}" EXPECTED "${NARRATIVE_GOLDEN}/${file}")
endfunction()

narrative_golden("check summarises the ceasefire case" ceasefire-check.txt check -)
narrative_golden("infer lists the inferred relations as json" ceasefire-infer.json infer - --format json)
narrative_golden("actors table" ceasefire-actors.txt actors -)
narrative_golden("actors json" ceasefire-actors.json actors - --format json)
narrative_golden("explain an actor" ceasefire-explain-actor.txt explain - --actor pakistan-leadership)
narrative_golden("explain a statement as json" ceasefire-explain-statement.json
                 explain - --statement trump-2025-05-10 --format json)
narrative_golden("explain a proposition as markdown" ceasefire-explain-proposition.md
                 explain - --proposition ceasefire-broker --format markdown)
narrative_golden("contradictions report" ceasefire-contradictions.txt contradictions -)
narrative_golden("contradictions json" ceasefire-contradictions.json contradictions - --format json)
narrative_golden("score json" ceasefire-score.json score - --format json)
narrative_golden("score markdown" ceasefire-score.md score - --format markdown)
