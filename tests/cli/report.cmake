# `narrative report`: golden Markdown and text reports of the ceasefire case, the HTML report
# opened in headless Chromium (the ceasefire case, and a case whose every string is hostile
# markup), and the usage errors.
narrative_golden("report as markdown" ceasefire-report.md report - --format markdown)
narrative_golden("report as text" ceasefire-report.txt report -)

narrative_cli_test("report: an unknown format is a usage error"
    ARGS report "${NARRATIVE_CEASEFIRE}" --format pdf EXIT 2 STDERR "--format: pdf not in")
narrative_cli_test("report: an unknown semantics is named"
    ARGS report "${NARRATIVE_CEASEFIRE}" --semantics nope EXIT 2 STDERR "nope")
narrative_cli_test("report: --contributions must be a number"
    ARGS report "${NARRATIVE_CEASEFIRE}" --contributions -1 EXIT 2
    STDERR "--contributions must be from 0 to")

find_program(NARRATIVE_CHROMIUM NAMES chromium chromium-browser)
if(NOT NARRATIVE_CHROMIUM)
    set(NARRATIVE_CHROMIUM "")
endif()
function(narrative_browser_test name case statements title)
    add_test(NAME "browser: ${name}"
        COMMAND ${CMAKE_COMMAND} "-DTOOL=$<TARGET_FILE:narrative_cli>" "-DCHROMIUM=${NARRATIVE_CHROMIUM}"
                "-DCASE=${case}" "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/browser-${statements}"
                "-DSTATEMENTS=${statements}" "-DTITLE=${title}"
                -P "${PROJECT_SOURCE_DIR}/tests/cmake/browser_report.cmake")
    set_tests_properties("browser: ${name}" PROPERTIES LABELS "cli;browser" SKIP_RETURN_CODE 77
                         RESOURCE_LOCK chromium)
endfunction()
narrative_browser_test("the ceasefire report opens in Chromium" "${NARRATIVE_CEASEFIRE}" 21
    "India–Pakistan ceasefire of 10 May 2025: who mediated?")
narrative_browser_test("hostile markup in a case shows as text and runs nothing"
    "${PROJECT_SOURCE_DIR}/tests/data/report/hostile.json" 3
    "&lt;script&gt;document.title='pwned'&lt;/script&gt; hostile case")
# --threads reaches the strengths, the contributions and the timeline; the output does not depend on it.
narrative_golden("report as markdown with one thread" ceasefire-report.md report - --format markdown --threads 1)
narrative_cli_test("report refuses a thread count outside 0 to 1024"
    ARGS report "${NARRATIVE_CEASEFIRE}" --threads x
    EXIT 2 NO_STDOUT STDERR "--threads must be from 0 to 1024, got x \\(0 uses every core\\)")
