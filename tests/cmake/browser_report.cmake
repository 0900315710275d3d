# Opens a report written by `narrative report` in headless Chromium and checks what a reader
# would see: the page loads with no console message (a blocked script or fetch would log one),
# the document title is the case's (escaped text, never changed by injected code), every
# statement id of the case is in the page, the graph's SVG has one node per statement, and a
# screenshot of the page has the requested size and is not blank.
#
# Usage: cmake -DTOOL=narrative -DCHROMIUM=/usr/bin/chromium -DCASE=case.json -DWORK=dir
#              -DSTATEMENTS=<count> -DTITLE=<expected title> -P browser_report.cmake
# The checks of the file itself run first; then, when CHROMIUM is empty, the script exits with
# 77 (skipped).
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(report "${WORK}/report.html")
execute_process(COMMAND "${TOOL}" report "${CASE}" -o "${report}" RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "narrative report failed (${status}): ${errors}")
endif()

# The file: one SVG node per statement, no element from the case's text, nothing to fetch.
file(READ "${report}" html)
string(REGEX MATCHALL "<g id=\"graph_s_[0-9]+\" class=\"node\"" file_nodes "${html}")
list(LENGTH file_nodes file_node_count)
if(NOT file_node_count EQUAL STATEMENTS)
    message(FATAL_ERROR "the report's SVG has ${file_node_count} statement nodes, expected ${STATEMENTS}")
endif()
if(html MATCHES "<script|<img |<iframe |<svg onload|src=\"http|href=\"http")
    message(FATAL_ERROR "the report holds a script, an embedded page or a fetch")
endif()
if(NOT CHROMIUM)
    message("SKIP: Chromium not found (Debian package chromium); scripts/test.sh installs it")
    cmake_language(EXIT 77)
endif()

# Flags for a sandbox without network: no background connections, a fresh profile.
set(flags --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --disable-default-apps --disable-extensions "--user-data-dir=${WORK}/profile"
    --enable-logging=stderr --v=0)
execute_process(COMMAND "${CHROMIUM}" ${flags} --dump-dom "file://${report}"
    OUTPUT_VARIABLE dom ERROR_VARIABLE log RESULT_VARIABLE status TIMEOUT 120)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "chromium --dump-dom failed (${status}):\n${log}")
endif()
string(REGEX MATCHALL "[^\n]*CONSOLE[^\n]*" console "${log}")
if(console)
    message(FATAL_ERROR "console messages while loading the report:\n${console}")
endif()
string(REGEX MATCH "<title>[^<]*</title>" title_element "${dom}")
if(NOT title_element STREQUAL "<title>${TITLE}</title>")
    message(FATAL_ERROR "the page title is ${title_element}, expected <title>${TITLE}</title>")
endif()
if(dom MATCHES "pwned'?</title>|<script[ >]|<img |<iframe |<svg onload")
    message(FATAL_ERROR "markup from the case reached the page as elements")
endif()

# Every statement id of the case appears as a row of the statement table.
file(READ "${CASE}" case_text)
string(JSON count LENGTH "${case_text}" statements)
if(NOT count EQUAL STATEMENTS)
    message(FATAL_ERROR "the case has ${count} statements, the test expects ${STATEMENTS}")
endif()
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
    string(JSON id GET "${case_text}" statements ${i} id)
    string(FIND "${dom}" "<tr id=\"s-${i}\"><td><strong>${id}</strong></td>" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "statement ${id} (index ${i}) is not in the statement table")
    endif()
endforeach()
string(REGEX MATCHALL "<g id=\"graph_s_[0-9]+\" class=\"node\"" nodes "${dom}")
list(LENGTH nodes node_count)
if(NOT node_count EQUAL count)
    message(FATAL_ERROR "the graph has ${node_count} statement nodes, the case ${count} statements")
endif()

execute_process(COMMAND "${CHROMIUM}" ${flags} --hide-scrollbars --window-size=1280,1600
    "--screenshot=${WORK}/report.png" "file://${report}"
    OUTPUT_QUIET ERROR_VARIABLE log RESULT_VARIABLE status TIMEOUT 120)
if(NOT status EQUAL 0 OR NOT EXISTS "${WORK}/report.png")
    message(FATAL_ERROR "chromium --screenshot failed (${status}):\n${log}")
endif()
# PNG: signature, then the IHDR chunk with width and height as 4-byte big-endian numbers.
file(READ "${WORK}/report.png" header LIMIT 24 HEX)
string(SUBSTRING "${header}" 0 16 signature)
string(SUBSTRING "${header}" 32 8 width_hex)
string(SUBSTRING "${header}" 40 8 height_hex)
math(EXPR width "0x${width_hex}")
math(EXPR height "0x${height_hex}")
if(NOT signature STREQUAL "89504e470d0a1a0a" OR NOT width EQUAL 1280 OR NOT height EQUAL 1600)
    message(FATAL_ERROR "screenshot is not a 1280x1600 PNG (signature ${signature}, ${width}x${height})")
endif()
# A blank page compresses to a few kilobytes; text, tables and a graph do not.
file(SIZE "${WORK}/report.png" png_size)
if(png_size LESS 30000)
    message(FATAL_ERROR "screenshot of ${png_size} bytes: the page looks blank")
endif()
message(STATUS "report opened in Chromium: ${count} statements, ${node_count} graph nodes, screenshot ${png_size} bytes")
