# CLI tests of `narrative score` (gradual semantics).
set(NARRATIVE_GRADUAL_DATA "${PROJECT_SOURCE_DIR}/tests/data/gradual")
set(NARRATIVE_GRADUAL_EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected")

# Rago, Toni, Aurisicchio & Baroni (2016), e-democracy example: σ(A1) = 0.862, σ(A2) = 0.85,
# σ(P2) = 0.08 (derivation in tests/unit/gradual/semantics.test.cpp). Golden JSON.
narrative_cli_test("score reproduces the df-quad e-democracy example as json"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/e-democracy.json" --format json
    EXPECTED "${NARRATIVE_GRADUAL_EXPECTED}/score-e-democracy-df-quad.json")
narrative_cli_test("score prints a readable table from standard input"
    ARGS score - --semantics euler-based
    INPUT "${NARRATIVE_GRADUAL_DATA}/e-democracy.json"
    EXPECTED "${NARRATIVE_GRADUAL_EXPECTED}/score-e-democracy-euler-based.txt")

# Published examples (sources cited in tests/unit/gradual/published_examples.test.cpp).
# Čyras, Kampik & Weng (2022), Example 4.1, quadratic energy: a 0.519, b 0.172, c 0.625
# (3 decimals; the first author's notebook prints a = 0.51875517241626, b = 0.172413793103448).
narrative_cli_test("score reproduces Example 4.1 of Cyras Kampik and Weng under quadratic-energy"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/cyras-example-4-1.json" --semantics quadratic-energy --format json
    STDOUT "\"id\": \"a\",[^}]*\"strength\": 0\\.5187551724[^}]*}.*\"id\": \"b\",[^}]*\"strength\": 0\\.1724137931[^}]*}.*\"id\": \"c\",[^}]*\"strength\": 0\\.625[^0-9]")
# QBAF-Py tests/test_cycles.py: a (1.0) and b (0.5) attack each other; DFQuAD_model gives
# a ≈ 0.9999999990686774, b ≈ 0 (the unique fixpoint is a = 1, b = 0).
narrative_cli_test("score reproduces the cyclic QBAF-Py df-quad example"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/qbaf-py-mutual-attack.json" --semantics df-quad --format json
    STDOUT "\"converged\": true.*\"id\": \"a\",[^}]*\"strength\": (0\\.99999[0-9]*|1\\.0)[^}]*}.*\"id\": \"b\",[^}]*\"strength\": 0\\.0[^0-9]")
# Bonzon, Delobelle, Konieczny & Maudet (2016), Example 1, categoriser values printed to 2
# decimals: b 1, c 0.5, d 0.65, e 0.53, and a 0.38 (a transcription reads 0.28, which the other
# printed values rule out: see tests/unit/gradual/published_examples.test.cpp). Each value must
# round to the printed one. The weighted h-categorizer with every weight 1 is the categoriser.
set(NARRATIVE_GRADUAL_BONZON
    "\"id\": \"a\",[^}]*\"strength\": 0\\.(37[5-9]|38[0-4])[^}]*}.*\"id\": \"b\",[^}]*\"strength\": 1\\.0[^0-9].*\"id\": \"c\",[^}]*\"strength\": 0\\.5[^0-9].*\"id\": \"d\",[^}]*\"strength\": 0\\.(64[5-9]|65[0-4])[^}]*}.*\"id\": \"e\",[^}]*\"strength\": 0\\.(52[5-9]|53[0-4])")
narrative_cli_test("score reproduces Example 1 of Bonzon et al. under h-categorizer"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/bonzon-example-1.json" --semantics h-categorizer --format json
    STDOUT "\"converged\": true.*${NARRATIVE_GRADUAL_BONZON}")
narrative_cli_test("score reproduces Example 1 of Bonzon et al. under weighted-h-categorizer"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/bonzon-example-1.json" --semantics weighted-h-categorizer --format json
    STDOUT "\"converged\": true.*${NARRATIVE_GRADUAL_BONZON}")
# Amgoud & Ben-Naim (2018) example graph as transcribed by an independent implementation, whose
# README prints a 0.60, b 0.54, c 0.54, f 0.27, i 0.22 (cross-implementation check, 2 decimals).
narrative_cli_test("score agrees with an independent euler-based implementation on the Amgoud and Ben-Naim graph"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/amgoud-ben-naim-2018.json" --semantics euler-based --format json
    STDOUT "\"id\": \"a\",[^}]*\"strength\": 0\\.(59[5-9]|60[0-4])[^}]*}.*\"id\": \"b\",[^}]*\"strength\": 0\\.(53[5-9]|54[0-4])[^}]*}.*\"id\": \"c\",[^}]*\"strength\": 0\\.(53[5-9]|54[0-4])[^}]*}.*\"id\": \"f\",[^}]*\"strength\": 0\\.(26[5-9]|27[0-4])[^}]*}.*\"id\": \"i\",[^}]*\"strength\": 0\\.(21[5-9]|22[0-4])")
# QBAF-Py tests/test_gradient.py, test_gradient_top_edge_case: a (0.1) attacked by b (1) and
# c (1) under euler-based-top. QBAF-Py asserts zero contribution for each attacker (checked by
# the unit test); here the hand-derived strength 1 - 0.99/(1 + 0.1/e) = 0.04512778566014819.
narrative_cli_test("score evaluates the tied attackers of QBAF-Py under euler-based-top"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/qbaf-py-tied-attackers.json" --semantics euler-based-top --format json
    STDOUT "\"method\": \"dag\".*\"id\": \"a\",[^}]*\"strength\": 0\\.0451277856")

# QBAF-Py analysis/contribution_functions_analysis.ipynb (companion of Kampik, Potyka, Yin,
# Cyras and Toni 2024): a (0.5) attacked by b (1) and c (1); final minus initial strength of a
# printed as -0.20246579625022176 (EulerBased_model), -0.13347819737727729 (EulerBasedTop_model)
# and -0.25 (SquaredDFQuAD_model), i.e. strengths 0.29753420374977824, 0.3665218026227227, 0.25.
set(NARRATIVE_GRADUAL_KAMPIK
    "euler-based=0\\.2975342037"
    "euler-based-top=0\\.3665218026"
    "sd-df-quad=0\\.25[^0-9]")
foreach(pair IN LISTS NARRATIVE_GRADUAL_KAMPIK)
    string(REPLACE "=" ";" parts "${pair}")
    list(GET parts 0 semantics)
    list(GET parts 1 value)
    narrative_cli_test("score ${semantics} reproduces the contribution counterexample printed by QBAF-Py"
        ARGS score "${NARRATIVE_GRADUAL_DATA}/kampik-two-attackers.json" --semantics ${semantics} --format json
        STDOUT "\"semantics\": \"${semantics}\".*\"method\": \"dag\".*\"id\": \"a\",[^}]*\"strength\": ${value}")
endforeach()

# Amgoud, Ben-Naim, Doder & Vesic (2017): the three semantics make the three incompatible choices
# on x (0.6, two attackers p 0.6 and q, q attacked by p) against y (0.6, one attacker z of 1), and
# each solves the 2-cycle u (1) <-> v (0.5). Hand-derived:
# Mbs: q = 0.6/1.6 = 0.375, x = 0.6/(1 + 0.6) = 0.375 > y = 0.6/2 = 0.3 (quality precedence);
#      u = 1/(1 + v), v = 0.5/(1 + u) => v = (sqrt(17) - 3)/4 = 0.2807764064, u = 0.7807764064.
# Cbs: q = 0.6/(1 + 1 + 0.6) = 0.2307692308, x = 0.6/(1 + 2 + (0.6 + q)/2) = 0.1756756757
#      < y = 0.6/(1 + 1 + 1) = 0.2 (cardinality precedence); u = 1/(2 + v), v = 0.5/(2 + u)
#      => 2u^2 + 3.5u - 2 = 0, u = (sqrt(28.25) - 3.5)/4 = 0.4537682266, v = u - 0.25.
# Hbs: x = 0.6/(1 + 0.6 + 0.375) = 0.3037974684 against y = 0.3 (two weak attackers nearly
#      compensate one strong one); the 2-cycle as Mbs (single attackers).
set(NARRATIVE_GRADUAL_AMGOUD
    "weighted-max-based=0\\.37499999|0\\.375[^0-9]=0\\.3[^0-9]=0\\.7807764064=0\\.2807764064"
    "weighted-card-based=0\\.1756756756=0\\.19999999|0\\.2[^0-9]=0\\.4537682265=0\\.2037682265"
    "weighted-h-categorizer=0\\.3037974683=0\\.3[^0-9]=0\\.7807764064=0\\.2807764064")
foreach(entry IN LISTS NARRATIVE_GRADUAL_AMGOUD)
    string(REPLACE "=" ";" parts "${entry}")
    list(GET parts 0 semantics)
    list(GET parts 1 x)
    list(GET parts 2 y)
    list(GET parts 3 u)
    list(GET parts 4 v)
    narrative_cli_test("score ${semantics} makes its choice of Amgoud et al. 2017 and solves a 2-cycle"
        ARGS score "${NARRATIVE_GRADUAL_DATA}/amgoud-2017-choices.json" --semantics ${semantics} --tolerance 1e-13 --format json
        STDOUT "\"converged\": true.*\"id\": \"x\",[^}]*\"strength\": (${x})[^}]*}.*\"id\": \"y\",[^}]*\"strength\": (${y})[^}]*}.*\"id\": \"u\",[^}]*\"strength\": ${u}[^}]*}.*\"id\": \"v\",[^}]*\"strength\": ${v}")
endforeach()

# Semantics reference §3.8 (illustrative example, 6 decimals): strength of statement a.
set(NARRATIVE_GRADUAL_ILLUSTRATIVE
    "df-quad=0\\.240000"
    "quadratic-energy=0\\.304878"
    "euler-based=0\\.387587"
    "euler-based-top=0\\.43826[9]"
    "sd-df-quad=0\\.328947"
    "naive-additive=-0\\.300000"
    "h-categorizer=0\\.333333"
    "weighted-h-categorizer=0\\.238095"
    "weighted-max-based=0\\.294117"
    "weighted-card-based=0\\.140845")
foreach(pair IN LISTS NARRATIVE_GRADUAL_ILLUSTRATIVE)
    string(REPLACE "=" ";" parts "${pair}")
    list(GET parts 0 semantics)
    list(GET parts 1 value)
    narrative_cli_test("score ${semantics} reproduces the illustrative table"
        ARGS score "${NARRATIVE_GRADUAL_DATA}/illustrative.json" --semantics ${semantics} --format json
        STDOUT "\"semantics\": \"${semantics}\".*\"id\": \"a\",[^}]*\"strength\": ${value}")
endforeach()

narrative_cli_test("score flags naive-additive values outside the unit interval"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/illustrative.json" --semantics naive-additive --format json
    STDOUT "\"warnings\": .*not clipped")
# Warnings go to standard error (the CLI contract); standard output ends with the table's last row.
narrative_cli_test("score warns on standard error that attack-only semantics ignore supports"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/illustrative.json" --semantics h-categorizer
    STDOUT "[0-9]\n$"
    STDERR "^narrative: warning: h-categorizer is attack-only: 1 support relation")
narrative_cli_test("score markdown leaves warnings to standard error"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/illustrative.json" --semantics h-categorizer --format markdown
    STDOUT "[0-9] \\|\n$"
    STDERR "^narrative: warning: h-categorizer is attack-only: 1 support relation")
narrative_cli_test("score json lists warnings in the document and on standard error"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/illustrative.json" --semantics h-categorizer --format json
    STDOUT "\"warnings\": \\[\n +\"h-categorizer is attack-only: 1 support relation"
    STDERR "^narrative: warning: h-categorizer is attack-only: 1 support relation")
# The solver's status travels in the JSON with the rest of its report.
narrative_cli_test("score json gives the solver status of a solve that does not converge"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/odd-cycle.json" --solver jacobi --format json
    STDOUT "\"solver\": {[^}]*\"converged\": false,[^}]*\"status\": \"no_convergence\"\n *}")

# Semantics reference §5.5 pitfall 1: the odd attack cycle.
narrative_cli_test("score falls back to rk4 when jacobi oscillates"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/odd-cycle.json" --format json
    STDOUT "\"method\": \"rk4\",[^}]*\"converged\": true.*\"strength\": 0\\.4999999|\"strength\": 0\\.5000000")
narrative_cli_test("score reports jacobi oscillation as not converged with exit code 0"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/odd-cycle.json" --solver jacobi --format json
    STDOUT "\"method\": \"jacobi\",[^}]*\"converged\": false.*jacobi oscillated")
# Jacobi cycles with a period other than 2 (22 and 6 here); auto falls back to rk4 and says why.
# DF-QuAD: the unique fixpoint (2/3, 2/3, 1/3); naive-additive: the unique solution (-1, 2, 2)
# of its linear fixpoint equations (both derived by hand in tests/unit/gradual/engine.test.cpp).
narrative_cli_test("score falls back to rk4 when jacobi cycles with period 22"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/jacobi-period-22-df-quad.json" --format json
    STDOUT "\"method\": \"rk4\",[^}]*\"converged\": true.*\"id\": \"a0\",[^}]*\"strength\": 0\\.6666666[^}]*}.*\"id\": \"a1\",[^}]*\"strength\": 0\\.6666666[^}]*}.*\"id\": \"a2\",[^}]*\"strength\": 0\\.3333333.*\"warnings\": \\[[^]]*jacobi made no progress after [0-9]+ iterations[^]]*restarted with rk4 from the base scores")
narrative_cli_test("score falls back to rk4 when jacobi cycles with period 6 under naive-additive"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/jacobi-period-6-naive-additive.json" --semantics naive-additive --format json
    STDOUT "\"method\": \"rk4\",[^}]*\"converged\": true.*\"id\": \"a0\",[^}]*\"strength\": (-0\\.9999999|-1\\.0000000)[^}]*}.*\"id\": \"a1\",[^}]*\"strength\": (1\\.9999999|2\\.0000000)[^}]*}.*\"id\": \"a2\",[^}]*\"strength\": (1\\.9999999|2\\.0000000).*jacobi made no progress")
narrative_cli_test("score falls back to rk4 when jacobi runs out of iterations"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/jacobi-period-22-df-quad.json" --max-iterations 80 --tolerance 1e-3 --format json
    STDOUT "\"method\": \"rk4\",[^}]*\"converged\": true.*jacobi did not converge within 80 iterations")
narrative_cli_test("score reports a divergent naive-additive case as not converged"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/mutual-support.json" --semantics naive-additive --format json
    STDOUT "\"converged\": false.*diverged")
narrative_cli_test("score honours max-iterations"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/odd-cycle.json" --solver rk4 --max-iterations 3 --format json
    STDOUT "\"iterations\": 3,")
narrative_cli_test("score prints markdown"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/illustrative.json" --format markdown
    STDOUT "\\| statement \\| actor \\| base \\| strength \\| change \\|")

# The worked case: Trump's mediation claim is weakened, India's denial strengthened.
narrative_cli_test("score prints strengths of the ceasefire statements"
    ARGS score "${NARRATIVE_CEASEFIRE}"
    STDOUT "trump-2025-05-10 +trump +0\\.5000 +0\\.[0-9]+ +-0\\.[0-9]+")

# Usage errors: exit 2, nothing on standard output.
narrative_cli_test("score rejects an unknown semantics"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/illustrative.json" --semantics dfquad
    EXIT 2 NO_STDOUT STDERR "unknown semantics 'dfquad' \\(valid: df-quad")
narrative_cli_test("score rejects an unknown solver"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/illustrative.json" --solver newton
    EXIT 2 NO_STDOUT STDERR "unknown solver 'newton'")
narrative_cli_test("score rejects a non-positive tolerance"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/illustrative.json" --tolerance 0
    EXIT 2 NO_STDOUT STDERR "tolerance")
narrative_cli_test("score rejects zero iterations"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/illustrative.json" --max-iterations 0
    EXIT 2 NO_STDOUT STDERR "max-iterations")
# Numeric options out of range: exit 2, the option named with its accepted range. A tolerance
# below 2^-52 cannot be certified in double precision; an iteration limit must be a positive
# integer that fits in 64 bits.
set(NARRATIVE_TOLERANCE_RANGE
    "invalid --tolerance '[^']*' \\(valid: a number from 2\\.220446049250313e-16 to 1\\.7976931348623157e\\+308")
set(NARRATIVE_ITERATIONS_RANGE
    "invalid --max-iterations '[^']*' \\(valid: an integer from 1 to 18446744073709551615\\)")
foreach(value IN ITEMS 1e-320 1e-17 1e-400 1e400 inf nan -1e-9 0.1x)
    narrative_cli_test("score rejects the tolerance ${value}"
        ARGS score "${NARRATIVE_GRADUAL_DATA}/odd-cycle.json" --tolerance=${value}
        EXIT 2 NO_STDOUT STDERR "${NARRATIVE_TOLERANCE_RANGE}")
endforeach()
foreach(value IN ITEMS -1 18446744073709551616 0x10 2.5 1e3)
    narrative_cli_test("score rejects the iteration limit ${value}"
        ARGS score "${NARRATIVE_GRADUAL_DATA}/odd-cycle.json" --max-iterations=${value}
        EXIT 2 NO_STDOUT STDERR "${NARRATIVE_ITERATIONS_RANGE}")
endforeach()
narrative_cli_test("score rejects a negative iteration limit given as a separate argument"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/odd-cycle.json" --max-iterations -1
    EXIT 2 NO_STDOUT STDERR "invalid --max-iterations '-1'")
narrative_cli_test("score rejects an uncertifiable tolerance with an iteration limit beyond 64 bits"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/odd-cycle.json" --solver rk4 --tolerance 1e-320 --max-iterations 18446744073709551616
    EXIT 2 NO_STDOUT STDERR "invalid --tolerance '1e-320'")
# The extremes of both ranges are accepted and the solve ends: the residual stalls at a few
# units of 1e-16 and the progress rule stops rk4 (see docs/semantics/solvers.md).
narrative_cli_test("score terminates at the smallest tolerance with the largest iteration limit"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/jacobi-period-22-df-quad.json" --solver rk4 --tolerance 2.220446049250313e-16 --max-iterations 18446744073709551615 --format json
    STDOUT "\"method\": \"rk4\".*rk4 made no progress after [0-9]+ steps")
set_tests_properties("cli: score terminates at the smallest tolerance with the largest iteration limit"
    PROPERTIES TIMEOUT 60)
narrative_cli_test("score rejects the dag solver on a cyclic case"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/odd-cycle.json" --solver dag
    EXIT 2 NO_STDOUT STDERR "acyclic")
narrative_cli_test("score fails on a missing case file"
    ARGS score "${NARRATIVE_GRADUAL_DATA}/no-such-case.json"
    EXIT 1 NO_STDOUT)
narrative_cli_test("score refuses a thread count outside 0 to 1024"
    ARGS score "${NARRATIVE_CEASEFIRE}" --threads -1
    EXIT 2 NO_STDOUT STDERR "--threads must be from 0 to 1024, got -1 \\(0 uses every core\\)")
