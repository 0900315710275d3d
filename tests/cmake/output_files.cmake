# `-o FILE` (see docs/cli.md, output files): a 250-byte file name, a symbolic link (its target
# replaced, the link kept) and standard output by its name /proc/self/fd/1 (written as the
# stream; a name under /proc, where no file can be made or replaced even by mistake); no
# temporary file is left.
set(folder "${WORK}")
file(REMOVE_RECURSE "${folder}")
file(MAKE_DIRECTORY "${folder}/real")

function(run_check output)
    execute_process(COMMAND "${TOOL}" check "${CASE}" -o "${output}"
        RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "narrative check -o ${output} failed (${status}): ${err}")
    endif()
    set(stdout "${out}" PARENT_SCOPE)
endfunction()

string(REPEAT "n" 246 name)
set(long "${folder}/${name}.txt")
run_check("${long}")
file(READ "${long}" text)
if(NOT text MATCHES "valid case")
    message(FATAL_ERROR "the 250-byte file name was not written: ${text}")
endif()

file(WRITE "${folder}/real/report.txt" "old\n")
file(CREATE_LINK "real/report.txt" "${folder}/link.txt" SYMBOLIC)
run_check("${folder}/link.txt")
if(NOT IS_SYMLINK "${folder}/link.txt")
    message(FATAL_ERROR "-o replaced the symbolic link by a file")
endif()
file(READ "${folder}/real/report.txt" text)
if(NOT text MATCHES "valid case")
    message(FATAL_ERROR "-o through a symbolic link did not write its target: ${text}")
endif()

run_check("/proc/self/fd/1")
if(NOT stdout MATCHES "valid case")
    message(FATAL_ERROR "-o /proc/self/fd/1 did not write standard output: ${stdout}")
endif()

file(GLOB leftovers "${folder}/.*" "${folder}/real/.*")
if(leftovers)
    message(FATAL_ERROR "temporary files left behind: ${leftovers}")
endif()
file(REMOVE_RECURSE "${folder}")
