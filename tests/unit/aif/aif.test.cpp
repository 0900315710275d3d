// SPDX-License-Identifier: MIT
#include <narrative/io/aif.hpp>
#include <narrative/io/text_file.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

using namespace narrative;

namespace {
const std::string source_dir = NARRATIVE_SOURCE_DIR;

// The shape of the formats reference's minimal example (§2.5), with a story of our own.
const char* ferry = R"({
  "nodes": [
    {"nodeID": "1", "type": "L", "text": "Captain : The ferry stopped because of the storm"},
    {"nodeID": "2", "type": "YA", "text": "Asserting"},
    {"nodeID": "3", "type": "I", "text": "The ferry stopped because of the storm"},
    {"nodeID": "4", "type": "L", "text": "Harbourmaster : The harbour log shows no storm"},
    {"nodeID": "5", "type": "YA", "text": "Asserting"},
    {"nodeID": "6", "type": "I", "text": "The harbour log shows no storm"},
    {"nodeID": "7", "type": "CA", "text": "Default Conflict"},
    {"nodeID": "8", "type": "I", "text": "The coastguard issued a gale warning"},
    {"nodeID": "9", "type": "RA", "text": "Default Inference"}
  ],
  "edges": [
    {"edgeID": "1", "fromID": "1", "toID": "2"}, {"edgeID": "2", "fromID": "2", "toID": "3"},
    {"edgeID": "3", "fromID": "4", "toID": "5"}, {"edgeID": "4", "fromID": "5", "toID": "6"},
    {"edgeID": "5", "fromID": "6", "toID": "7"}, {"edgeID": "6", "fromID": "7", "toID": "3"},
    {"edgeID": "7", "fromID": "8", "toID": "9"}, {"edgeID": "8", "fromID": "9", "toID": "3"}
  ],
  "locutions": [
    {"nodeID": "1", "personID": "11", "start": "2024-03-02 09:00:00", "source": "logbook"},
    {"nodeID": "4", "personID": "12", "start": "2024-03-05 14:30:00", "source": "interview"}
  ],
  "participants": [
    {"participantID": "11", "firstname": "Ann", "surname": "Captain"},
    {"participantID": "12", "firstname": "Bo", "surname": "Harbourmaster"}
  ]
})";

const statement& statement_of(const case_model& c, const char* id) {
    const auto v = c.find_statement(id);
    REQUIRE(v.has_value());
    return c.statement_at(*v);
}

std::size_t warnings_containing(const check_result& r, const std::string& text) {
    std::size_t n = 0;
    for (const auto& d : r.diagnostics)
        n += d.severity == severity::warning && d.message.find(text) != std::string::npos ? 1 : 0;
    return n;
}
}  // namespace

TEST_SUITE("aif.import") {
    TEST_CASE("a small nodeset maps as the formats reference says") {
        const auto r = check_aif(ferry, "ferry.json");
        REQUIRE(r.ok());
        const case_model& c = *r.model;
        // Three statements, the I-nodes; L and YA nodes are not statements.
        CHECK(c.statement_count() == 3);
        // Speakers from participants (first name and surname), not from the L-node prefix.
        CHECK(statement_of(c, "3").actor == std::optional<std::string>("Ann Captain"));
        CHECK(statement_of(c, "6").actor == std::optional<std::string>("Bo Harbourmaster"));
        // I-node 8 has no locution: an anonymous statement without time.
        CHECK_FALSE(statement_of(c, "8").actor.has_value());
        CHECK_FALSE(statement_of(c, "8").time.has_value());
        // Utterance time with the default offset Z; source from the locution.
        REQUIRE(statement_of(c, "3").time.has_value());
        CHECK(statement_of(c, "3").time->text() == "2024-03-02T09:00:00Z");
        CHECK(statement_of(c, "6").source == std::optional<std::string>("interview"));
        REQUIRE(c.relation_count() == 2);
        // Relations in S-node order: the CA (7) first, a directed contradiction 6 → 3.
        const relation& conflict = c.relation_at(std::size_t{0});
        CHECK(conflict.type == relation_type::contradicts);
        CHECK(conflict.is_directed());
        CHECK(c.statement_at(c.source(c.relations()[0])).id == "6");
        CHECK(c.statement_at(c.target(c.relations()[0])).id == "3");
        CHECK(conflict.ext.at("x-aif-type") == "CA");
        CHECK(conflict.ext.at("x-aif-scheme") == "Default Conflict");
        const relation& support = c.relation_at(std::size_t{1});
        CHECK(support.type == relation_type::supports);
        CHECK(c.statement_at(c.source(c.relations()[1])).id == "8");
        CHECK(c.actors().size() == 2);
        CHECK(c.actors()[0].ext.at("x-aif-person") == "11");
    }

    TEST_CASE("without participants the speaker is the L-node prefix, and annotator copies are dropped") {
        // AIFdb redistributions: no participants; a copy "Martyna : Fiona Bruce : ..." with no
        // edge and no locution must not make "Martyna" an actor (formats reference §2.3).
        const auto r = check_aif(R"({"nodes": [
            {"nodeID": "1", "type": "L", "text": "Fiona Bruce : Statistics are coming from Kevin"},
            {"nodeID": "2", "type": "YA", "text": "Asserting"},
            {"nodeID": "3", "type": "I", "text": "statistics are coming from Kevin Collins"},
            {"nodeID": "4", "type": "L", "text": "Martyna : Fiona Bruce : Statistics are coming from Kevin"},
            {"nodeID": "5", "type": "L", "text": "Zlata: Lisa Nandy : something"}],
          "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}, {"edgeID": "2", "fromID": "2", "toID": "3"}],
          "locutions": [{"nodeID": "1", "personID": "3812", "timestamp": "2021-06-10 19:17:08",
                         "start": "2020-10-15 22:50:06", "end": null, "source": null}]})");
        REQUIRE(r.ok());
        REQUIRE(r.model->actors().size() == 1);
        CHECK(r.model->actors()[0].id == "Fiona Bruce");
        CHECK(r.model->actors()[0].ext.at("x-aif-person") == "3812");
        // The utterance time, never the annotation timestamp (2021-06-10).
        CHECK(statement_of(*r.model, "3").time->text() == "2020-10-15T22:50:06Z");
        CHECK(warnings_containing(r, "ignored 2 L-nodes without edges or locution") == 1);
    }

    TEST_CASE("of several utterances the earliest dated one gives speaker and time, with a warning") {
        // Two L-nodes anchor the same I-node through one YA; the later-listed one was said first.
        const auto r = check_aif(R"({"nodes": [
            {"nodeID": "1", "type": "L", "text": "A : x"}, {"nodeID": "2", "type": "L", "text": "B : x too"},
            {"nodeID": "3", "type": "YA", "text": "Asserting"}, {"nodeID": "4", "type": "I", "text": "x"}],
          "edges": [{"fromID": "1", "toID": "3"}, {"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "4"}],
          "locutions": [{"nodeID": "1", "start": "2020-10-15 22:50:09"}, {"nodeID": "2", "start": "2020-10-15 22:50:01"}]})");
        REQUIRE(r.ok());
        CHECK(statement_of(*r.model, "4").actor == std::optional<std::string>("B"));
        CHECK(statement_of(*r.model, "4").time->text() == "2020-10-15T22:50:01Z");
        CHECK(warnings_containing(r, "is asserted by several speakers") == 1);
        CHECK(r.model->actors().size() == 2);
    }

    TEST_CASE("a null start leaves the time unknown, and the offset of bare times can be chosen") {
        const char* text = R"({"nodes": [
            {"nodeID": "1", "type": "L", "text": "A : x"}, {"nodeID": "2", "type": "YA", "text": "Asserting"},
            {"nodeID": "3", "type": "I", "text": "x"},
            {"nodeID": "4", "type": "L", "text": "B : y"}, {"nodeID": "5", "type": "YA", "text": "Asserting"},
            {"nodeID": "6", "type": "I", "text": "y"}],
          "edges": [{"fromID": "1", "toID": "2"}, {"fromID": "2", "toID": "3"},
                    {"fromID": "4", "toID": "5"}, {"fromID": "5", "toID": "6"}],
          "locutions": [{"nodeID": "1", "start": null}, {"nodeID": "4", "start": "2020-10-15 22:50:06"}]})";
        aif_read_options london;
        london.time_offset = "+01:00";
        const auto c = read_aif(text, "t", london);
        CHECK_FALSE(statement_of(c, "3").time.has_value());
        CHECK(statement_of(c, "6").time->text() == "2020-10-15T22:50:06+01:00");
    }

    TEST_CASE("MA is one support marked as a rephrase; S-nodes take only I-node premises") {
        // A YA (Restating) also points at the MA: it is not a premise (formats reference §2.3).
        const auto r = check_aif(R"({"nodes": [
            {"nodeID": "1", "type": "I", "text": "in the Netherlands it is 200"},
            {"nodeID": "2", "type": "I", "text": "in the Netherlands there is 200 per pupil"},
            {"nodeID": "3", "type": "MA", "text": "Default Rephrase", "scheme": "Default Rephrase"},
            {"nodeID": "4", "type": "YA", "text": "Restating"},
            {"nodeID": "5", "type": "TA", "text": "Default Transition"}],
          "edges": [{"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "2"}, {"fromID": "4", "toID": "3"},
                    {"fromID": "5", "toID": "4"}]})");
        REQUIRE(r.ok());
        REQUIRE(r.model->relation_count() == 1);
        const relation& rel = r.model->relation_at(std::size_t{0});
        CHECK(rel.type == relation_type::supports);
        CHECK(rel.ext.at("x-aif-type") == "MA");
        CHECK(r.model->statement_at(r.model->source(r.model->relations()[0])).id == "1");
    }

    TEST_CASE("two opposite CAs are two directed contradictions, and linked premises one relation each") {
        const auto r = check_aif(R"({"nodes": [
            {"nodeID": "a", "type": "I", "text": "a"}, {"nodeID": "b", "type": "I", "text": "b"},
            {"nodeID": "c", "type": "I", "text": "c"},
            {"nodeID": "ca1", "type": "CA", "text": "Default Conflict"},
            {"nodeID": "ca2", "type": "CA", "text": "Default Conflict"},
            {"nodeID": "ra", "type": "RA", "text": "Argument From Expert Opinion"}],
          "edges": [{"fromID": "a", "toID": "ca1"}, {"fromID": "ca1", "toID": "b"},
                    {"fromID": "b", "toID": "ca2"}, {"fromID": "ca2", "toID": "a"},
                    {"fromID": "a", "toID": "ra"}, {"fromID": "c", "toID": "ra"}, {"fromID": "ra", "toID": "b"}]})");
        REQUIRE(r.ok());
        REQUIRE(r.model->relation_count() == 4);
        CHECK(r.model->relation_at(std::size_t{0}).is_directed());
        CHECK(r.model->relation_at(std::size_t{1}).is_directed());
        CHECK(r.model->relation_at(std::size_t{2}).ext.at("x-aif-scheme") == "Argument From Expert Opinion");
        CHECK(r.model->statement_at(r.model->source(r.model->relations()[3])).id == "c");
    }

    TEST_CASE("Hypothesising and Questioning anchors are kept on the statement") {
        const auto r = check_aif(R"({"nodes": [
            {"nodeID": "1", "type": "L", "text": "team : it may be A"}, {"nodeID": "2", "type": "YA", "text": "Hypothesising"},
            {"nodeID": "3", "type": "I", "text": "it may be A"},
            {"nodeID": "4", "type": "L", "text": "host : is it B?"}, {"nodeID": "5", "type": "YA", "text": "Questioning"},
            {"nodeID": "6", "type": "I", "text": "it is B"}],
          "edges": [{"fromID": "1", "toID": "2"}, {"fromID": "2", "toID": "3"},
                    {"fromID": "4", "toID": "5"}, {"fromID": "5", "toID": "6"}],
          "locutions": [{"nodeID": "1"}, {"nodeID": "4"}]})");
        REQUIRE(r.ok());
        CHECK(statement_of(*r.model, "3").ext.at("x-aif-illocutions") == nlohmann::ordered_json{"Hypothesising"});
        CHECK(statement_of(*r.model, "6").ext.at("x-aif-illocutions") == nlohmann::ordered_json{"Questioning"});
    }

    TEST_CASE("the OVA wrapper, integer ids and unimported node types") {
        const auto r = check_aif(R"({"AIF": {"nodes": [
            {"nodeID": 1, "type": "I", "text": "a"}, {"nodeID": 2, "type": "I", "text": "b"},
            {"nodeID": 3, "type": "PA", "text": "Default Preference"}],
          "edges": [{"fromID": 1, "toID": 3}, {"fromID": 3, "toID": 2}]}, "OVA": {}, "text": ""})");
        REQUIRE(r.ok());
        CHECK(r.model->find_statement("1").has_value());
        CHECK(r.model->relation_count() == 0);
        CHECK(warnings_containing(r, "ignored 1 nodes of type \"PA\"") == 1);
        CHECK(r.diagnostics.back().location == "/AIF/nodes");
    }

    TEST_CASE("sniffing tells AIF from a case file") {
        CHECK(looks_like_aif(ferry));
        CHECK(looks_like_aif(R"({"AIF": {"nodes": []}})"));
        CHECK_FALSE(looks_like_aif(R"({"format": "narrative/1", "statements": []})"));
        CHECK_FALSE(looks_like_aif(R"({"format": "narrative/1", "x-nodes": [], "statements": [{"nodes": 1}]})"));
        CHECK_FALSE(looks_like_aif("not json"));
    }

    TEST_CASE("limits: an S-node with many premises and conclusions cannot build more relations than the limit") {
        // 3 premises × 3 conclusions = 9 relations from 7 nodes and 6 edges.
        aif_read_options small;
        small.max_elements = 8;
        const auto r = check_aif(R"({"nodes": [
            {"nodeID": "a", "type": "I"}, {"nodeID": "b", "type": "I"}, {"nodeID": "c", "type": "I"},
            {"nodeID": "x", "type": "CA"},
            {"nodeID": "d", "type": "I"}, {"nodeID": "e", "type": "I"}, {"nodeID": "f", "type": "I"}],
          "edges": [{"fromID": "a", "toID": "x"}, {"fromID": "b", "toID": "x"}, {"fromID": "c", "toID": "x"},
                    {"fromID": "x", "toID": "d"}, {"fromID": "x", "toID": "e"}, {"fromID": "x", "toID": "f"}]})",
                                 "t", small);
        REQUIRE_FALSE(r.ok());
        CHECK(r.diagnostics.front().location == "/nodes/3");
        CHECK(r.diagnostics.front().message == "CA-node \"x\" would make more than 8 relations in all");
        small.max_elements = 9;
        CHECK(check_aif(R"({"nodes": [
            {"nodeID": "a", "type": "I"}, {"nodeID": "b", "type": "I"}, {"nodeID": "c", "type": "I"},
            {"nodeID": "x", "type": "CA"},
            {"nodeID": "d", "type": "I"}, {"nodeID": "e", "type": "I"}, {"nodeID": "f", "type": "I"}],
          "edges": [{"fromID": "a", "toID": "x"}, {"fromID": "b", "toID": "x"}, {"fromID": "c", "toID": "x"},
                    {"fromID": "x", "toID": "d"}, {"fromID": "x", "toID": "e"}, {"fromID": "x", "toID": "f"}]})",
                        "t", small).model->relation_count() == 9);
    }

    TEST_CASE("limits: too many nodes is an error at the array") {
        aif_read_options small;
        small.max_elements = 2;
        const auto r = check_aif(R"({"nodes": [{"nodeID": "1", "type": "I"}, {"nodeID": "2", "type": "I"},
                                                {"nodeID": "3", "type": "I"}]})", "t", small);
        REQUIRE_FALSE(r.ok());
        CHECK(r.diagnostics.front().location == "/nodes");
        CHECK(r.diagnostics.front().message == "3 entries, more than the limit of 2");
    }
}

TEST_SUITE("aif.invalid") {
    // Each file of tests/invalid/aif gives this error first (location and message start).
    TEST_CASE("the invalid AIF corpus gives located errors") {
        const std::map<std::string, std::pair<std::string, std::string>> expected = {
            {"truncated.json", {"1:66", "invalid JSON: syntax error while parsing value"}},
            {"non-utf8.json", {"1:54", "invalid JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte"}},
            {"not-an-object.json", {"", "an AIF file must be a JSON object, got an array"}},
            {"missing-nodes.json", {"", "missing required key \"nodes\""}},
            {"nodes-not-array.json", {"/nodes", "must be an array, got an object"}},
            {"duplicate-node-id.json", {"/nodes/1/nodeID", "duplicate node id \"1\" (first at /nodes/0/nodeID)"}},
            {"dangling-edge.json", {"/edges/1/toID", "unknown node \"3\""}},
            {"missing-type.json", {"/nodes/0", "missing required key \"type\""}},
            {"node-id-wrong-type.json", {"/nodes/0/nodeID", "must be a string or an integer, got true"}},
            {"text-wrong-type.json", {"/nodes/0/text", "must be a string, got 42"}},
            {"locution-unknown-node.json", {"/locutions/0/nodeID", "unknown node \"9\""}},
            {"wrapped-not-object.json", {"/AIF", "must be an object, got an array"}},
            {"wrapped-dangling-edge.json", {"/AIF/edges/0/toID", "unknown node \"x\""}},
            {"duplicate-key.json", {"/nodes/0/type", "duplicate key \"type\""}},
            {"deep-nesting.json", {"/nodes/0/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0", "nesting deeper than 64 levels"}},
            {"own-ext-not-object.json", {"/nodes/0/x-narrative/ext", "must be an object, got an array"}},
            {"own-base-out-of-range.json", {"/nodes/0/x-narrative/base", "must be a number in [0, 1], got 1.5"}},
        };
        const std::filesystem::path folder = source_dir + "/tests/invalid/aif";
        std::size_t files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            const std::string name = entry.path().filename().string();
            CAPTURE(name);
            ++files;
            const auto it = expected.find(name);
            REQUIRE_MESSAGE(it != expected.end(), "a file of the corpus without an expectation");
            const auto r = check_aif(read_text_file(entry.path()), name);
            REQUIRE_FALSE(r.ok());
            REQUIRE(r.error_count() >= 1);
            CHECK(r.diagnostics.front().severity == severity::error);
            CHECK(r.diagnostics.front().location == it->second.first);
            CHECK(r.diagnostics.front().message.rfind(it->second.second, 0) == 0);
        }
        CHECK(files == expected.size());
    }
}

TEST_SUITE("aif.export") {
    TEST_CASE("case to AIF and back is the identity on the example cases and test data") {
        std::size_t cases = 0;
        for (const char* folder : {"/examples/cases", "/examples/ceasefire", "/tests/data", "/tests/data/gradual",
                                   "/tests/data/extensions", "/tests/data/signed", "/tests/data/credibility"}) {
            for (const auto& entry : std::filesystem::directory_iterator(source_dir + folder)) {
                const auto path = entry.path();
                if (path.extension() != ".json" || path.string().find(".truth.") != std::string::npos) continue;
                const auto original = check_case(read_text_file(path), path.string());
                if (!original.ok()) continue;
                CAPTURE(path.string());
                ++cases;
                const auto back = check_aif(write_aif(*original.model), "back");
                REQUIRE(back.ok());
                CHECK(write_case(*back.model) == write_case(*original.model));
            }
        }
        CHECK(cases >= 20);
    }

    TEST_CASE("the export is AIF a foreign reader understands") {
        const auto c = read_case(R"({"format": "narrative/1",
          "actors": [{"id": "mayor", "name": "Ann Captain"}],
          "statements": [{"id": "s1", "actor": "mayor", "time": "2024-03-02", "text": "closed", "source": "press"},
                         {"id": "s2", "text": "no cracks"}, {"id": "s3", "time": "2024-03-05", "text": "unsafe"}],
          "relations": [{"from": "s2", "to": "s1", "type": "contradicts"},
                        {"from": "s3", "to": "s1", "type": "supports", "weight": 0.8}]})");
        const auto aif = to_aif(c);
        std::map<std::string, int> types;
        for (const auto& n : aif["nodes"]) ++types[n["type"].get<std::string>()];
        CHECK(types["I"] == 3);
        CHECK(types["L"] == 2);   // s1 (speaker) and s3 (time); s2 has neither
        CHECK(types["CA"] == 2);  // an undirected contradiction is a conflict both ways
        CHECK(types["RA"] == 1);
        CHECK(aif["locutions"][0]["start"] == "2024-03-02");
        CHECK(aif["participants"][0]["firstname"] == "Ann Captain");
        // Read as a foreign file (our x-narrative keys removed): what AIF itself carries.
        auto foreign = aif;
        foreign.erase("x-narrative");
        for (auto& key : {"nodes", "participants"})
            for (auto& n : foreign[key]) n.erase("x-narrative");
        const auto r = check_aif(foreign.dump(), "foreign");
        REQUIRE(r.ok());
        CHECK(statement_of(*r.model, "s1").actor == std::optional<std::string>("Ann Captain"));
        CHECK(statement_of(*r.model, "s3").time->text() == "2024-03-05");
        // The mutual contradiction comes back as two directed ones; the weight is lost.
        CHECK(r.model->relation_count() == 3);
        CHECK_FALSE(r.model->relation_at(std::size_t{2}).weight.has_value());
    }

    TEST_CASE("generated node ids never collide with statement ids") {
        const auto c = read_case(R"({"format": "narrative/1", "actors": [{"id": "a"}],
          "statements": [{"id": "L1", "actor": "a", "text": "x"}, {"id": "YA2", "actor": "a", "text": "y"},
                         {"id": "RA5"}], "relations": [{"from": "L1", "to": "YA2", "type": "supports"}]})");
        const auto aif = to_aif(c);
        std::set<std::string> ids;
        for (const auto& n : aif["nodes"]) CHECK(ids.insert(n["nodeID"].get<std::string>()).second);
        CHECK(write_case(read_aif(write_aif(c))) == write_case(c));
    }

    TEST_CASE("the sample nodesets survive AIF → case → AIF → case") {
        if (!NARRATIVE_HAVE_SHARED_DATA) return;
        for (const auto& entry : std::filesystem::directory_iterator(std::string(NARRATIVE_SHARED_DATA_DIR) + "/aif")) {
            if (entry.path().extension() != ".json") continue;
            CAPTURE(entry.path().string());
            const auto first = read_aif(read_text_file(entry.path()), entry.path().string());
            CHECK(first.statement_count() > 0);
            CHECK(write_case(read_aif(write_aif(first))) == write_case(first));
        }
    }
}
