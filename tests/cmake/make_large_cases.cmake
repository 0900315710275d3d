# Writes two large invalid cases for the diagnostics tests:
# DANGLING: 100000 statements "statement-00000" ... "statement-99999" and one relation from each
#           to a missing "missing-NNNNN" (100000 unknown ids, each searched for a suggestion);
# DUPLICATES: COUNT statements that all have the id "same".
# Ids are built digit by digit with string(REPLACE), so that the script stays linear.
set(statements "{\"id\": \"statement-@\"}")
set(relations "{\"from\": \"statement-@\", \"to\": \"missing-@\", \"type\": \"supports\"}")
foreach(level RANGE 1 5)
    foreach(part statements relations)
        set(grown "")
        foreach(digit RANGE 0 9)
            string(REPLACE "@" "${digit}@" copy "${${part}}")
            if(digit EQUAL 0)
                set(grown "${copy}")
            else()
                string(APPEND grown ",\n" "${copy}")
            endif()
        endforeach()
        set(${part} "${grown}")
    endforeach()
endforeach()
string(REPLACE "@" "" statements "${statements}")
string(REPLACE "@" "" relations "${relations}")
file(WRITE "${DANGLING}" "{\"format\": \"narrative/1\",\n\"statements\": [\n${statements}\n],\n\"relations\": [\n${relations}\n]}\n")

math(EXPR others "${COUNT} - 1")
string(REPEAT ",\n{\"id\": \"same\"}" ${others} rest)
file(WRITE "${DUPLICATES}" "{\"format\": \"narrative/1\", \"statements\": [\n{\"id\": \"same\"}${rest}\n]}\n")
