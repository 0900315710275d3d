# CLI tests of `narrative extensions` (crisp semantics, tasks, bipolar reductions).
set(NARRATIVE_EXT_DATA "${PROJECT_SOURCE_DIR}/tests/data/extensions")
set(NARRATIVE_EXT_EXPECTED "${PROJECT_SOURCE_DIR}/tests/cli/expected")

# Dung, Mancarella & Toni (2007): preferred {a, d} and {b, d}, ideal {d}, grounded {}.
narrative_cli_test("extensions lists the preferred extensions of the ideal-semantics example as json"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics preferred --format json
    EXPECTED "${NARRATIVE_EXT_EXPECTED}/extensions-dmt-preferred.json")
narrative_cli_test("extensions prints the ideal extension from standard input"
    ARGS extensions - --semantics ideal
    INPUT "${NARRATIVE_EXT_DATA}/dmt-ideal.json"
    EXPECTED "${NARRATIVE_EXT_EXPECTED}/extensions-dmt-ideal.txt")
narrative_cli_test("extensions gives the empty grounded extension of the ideal-semantics example"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics grounded --format json
    STDOUT "\"count\": 1,[^]]*\"extensions\": \\[[ \n]*\\[\\][ \n]*\\]")
narrative_cli_test("extensions decides sceptical acceptance under preferred with a counterexample"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics preferred --task ds --statement a --format json
    STDOUT "\"accepted\": false,[ \n]*\"counterexample\": \\[[ \n]*\"b\",[ \n]*\"d\"[ \n]*\\]")
narrative_cli_test("extensions decides credulous acceptance under stable with a witness"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics stable --task dc --statement a --format json
    STDOUT "\"accepted\": true,[ \n]*\"witness\": \\[[ \n]*\"a\",[ \n]*\"d\"[ \n]*\\]")
narrative_cli_test("extensions counts the complete extensions, and stops at the limit"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics complete --task count --limit 2 --format json
    STDOUT "\"status\": \"limit-reached\",[ \n]*\"count\": 2")
narrative_cli_test("extensions counts the four complete extensions with the DPLL solver"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics complete --task count --solver dpll --format json
    STDOUT "\"status\": \"done\",[ \n]*\"count\": 4")

# Semantics reference §8.3: deductive support derives c→a (mediated), d→a (super-mediated),
# d→b (supported); grounded is then {c, d}. Necessary support derives nothing: grounded {a, c, d}.
narrative_cli_test("extensions applies the deductive support reduction and lists the derived attacks"
    ARGS extensions "${NARRATIVE_EXT_DATA}/bipolar-toy.json" --semantics grounded --support deductive --format json
    EXPECTED "${NARRATIVE_EXT_EXPECTED}/extensions-bipolar-deductive.json")
narrative_cli_test("extensions under necessary support derives no attack on the reference example"
    ARGS extensions "${NARRATIVE_EXT_DATA}/bipolar-toy.json" --semantics grounded --support necessary --format json
    STDOUT "\\[[ \n]*\"a\",[ \n]*\"c\",[ \n]*\"d\"[ \n]*\\][ \n]*\\],[ \n]*\"derived_attacks\": \\[\\]")
# Polberg & Oren (2014), Example 4: b needs itself and is in no extension; stable {a, c}, {d, e}.
narrative_cli_test("extensions under necessary support reproduces Polberg and Oren's example with its unfounded statement"
    ARGS extensions - --semantics stable --support necessary
    INPUT "${NARRATIVE_EXT_DATA}/polberg-oren-necessity.json"
    EXPECTED "${NARRATIVE_EXT_EXPECTED}/extensions-polberg-oren-stable.txt")
narrative_cli_test("extensions lists the unfounded statements in json"
    ARGS extensions "${NARRATIVE_EXT_DATA}/polberg-oren-necessity.json" --semantics grounded --support necessary --format json
    STDOUT "\"extensions\": \\[[ \n]*\\[\\][ \n]*\\],[^]]*\\],[ \n]*\"unfounded\": \\[[ \n]*\"b\"[ \n]*\\]")
narrative_cli_test("extensions answers dc on an unfounded statement with no"
    ARGS extensions "${NARRATIVE_EXT_DATA}/polberg-oren-necessity.json" --semantics preferred --support necessary --task dc --statement b
    STDOUT "^[^\n]*\nb is not credulously accepted\n")

# Usage errors: exit 2, nothing on standard output.
narrative_cli_test("extensions refuses an unknown semantics"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics prefered
    EXIT 2 NO_STDOUT STDERR "unknown crisp semantics 'prefered' \\(valid: grounded, complete, preferred")
narrative_cli_test("extensions refuses dc without a statement"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics stable --task dc
    EXIT 2 NO_STDOUT STDERR "--task dc needs --statement ID")
narrative_cli_test("extensions refuses an unknown statement with a suggestion"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics stable --task ds --statement dd
    EXIT 2 NO_STDOUT STDERR "unknown statement \"dd\"; did you mean \"d\"")
narrative_cli_test("extensions refuses an unknown support reading"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics stable --support evidential
    EXIT 2 NO_STDOUT STDERR "unknown support reading 'evidential'")
narrative_cli_test("extensions refuses a negative limit"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics stable --limit -1
    EXIT 2 NO_STDOUT STDERR "invalid --limit '-1'")
# Invalid input: exit 1 with the location.
narrative_cli_test("extensions reports an invalid case file with its location"
    ARGS extensions "${PROJECT_SOURCE_DIR}/tests/invalid/truncated.json" --semantics grounded
    EXIT 1 NO_STDOUT STDERR "truncated.json:[0-9]+:[0-9]+: error")
# The ceasefire case: every preferred extension is stable (no odd cycle left undecided).
narrative_cli_test("extensions on the ceasefire case: as many stable as preferred extensions"
    ARGS extensions "${NARRATIVE_CEASEFIRE}" --semantics stable --task count --format json
    STDOUT "\"count\": 26")
narrative_cli_test("extensions prints markdown"
    ARGS extensions "${NARRATIVE_EXT_DATA}/dmt-ideal.json" --semantics preferred --format markdown
    STDOUT "^## preferred extensions of [^\n]*\n\n2 extensions\n- {a, d}\n- {b, d}\n$")
# An odd cycle has no stable extension (Dung 1995); stage picks each statement alone.
narrative_cli_test("extensions finds no stable extension on an odd cycle"
    ARGS extensions "${NARRATIVE_EXT_DATA}/odd-cycle.json" --semantics stable --task se
    STDOUT "\nno extension\n$")
narrative_cli_test("extensions gives three stage extensions on an odd cycle"
    ARGS extensions "${NARRATIVE_EXT_DATA}/odd-cycle.json" --semantics stage --format json
    STDOUT "\"count\": 3")
# Caminada (2006): semi-stable {b} where preferred has {a} and {b} and no stable extension exists.
narrative_cli_test("extensions reproduces the semi-stable example"
    ARGS extensions "${NARRATIVE_EXT_DATA}/caminada-semi-stable.json" --semantics semi-stable --format json
    STDOUT "\"extensions\": \\[[ \n]*\\[[ \n]*\"b\"[ \n]*\\][ \n]*\\]")
narrative_cli_test("extensions decides sceptical semi-stable acceptance"
    ARGS extensions "${NARRATIVE_EXT_DATA}/caminada-semi-stable.json" --semantics semi-stable --task ds --statement b --format json
    STDOUT "\"accepted\": true")
narrative_cli_test("semantics lists the crisp semantics"
    ARGS semantics
    STDOUT "Crisp semantics \\(extensions --semantics\\)\n  grounded .*\n  ideal ")
