# Writes OUT: a case file whose one statement text is a 100 MiB string (for the limits test).
string(REPEAT "abcdefghijklmnop" 6553600 payload)
file(WRITE "${OUT}" "{\n  \"format\": \"narrative/1\",\n  \"statements\": [\n    {\"id\": \"a\", \"text\": \"${payload}\"}\n  ]\n}\n")
