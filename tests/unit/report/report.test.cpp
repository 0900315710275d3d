// SPDX-License-Identifier: MIT
// The explain and report layers: escaping of untrusted text in every context a report writes
// into, the case report's content on a small hand-made case (strengths and contributions
// derived by hand from the DF-QuAD definitions), and the writers' structure.

#include <doctest/doctest.h>

#include <narrative/explain/case_report.hpp>
#include <narrative/explain/statement_explanation.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/report/graph_dot.hpp>
#include <narrative/report/html.hpp>
#include <narrative/report/json.hpp>
#include <narrative/report/markdown.hpp>
#include <narrative/report/text.hpp>
#if NARRATIVE_HAS_GRAPHVIZ
#include <narrative/report/graph_layout.hpp>
#endif

#include <string>

using namespace narrative;

namespace {

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

const std::string script_text = "<script>document.title='pwned'</script>";
const std::string image_text = "<img src=x onerror=\"document.title='pwned'\">";

// Three actors; `x` contradicted by `y` (base 0.5 each) and supported by `z` (base 0.5).
// DF-QuAD (Rago, Toni, Aurisicchio & Baroni 2016): v_a = 1 − ∏(1 − σ(attackers)) = 0.5,
// v_s = 0.5, equal, so σ(x) = v0 = 0.5; without y, v_s = 0.5 > v_a = 0 and
// σ = v0 + (1 − v0)·0.5 = 0.75, so y's removal contribution is 0.5 − 0.75 = −0.25; without z,
// σ = v0 − v0·0.5 = 0.25, so z's is +0.25.
case_model small_case() {
    case_model c{};
    c.info().title = "A <b>small</b> case";
    c.add_actor({.id = "alice"});
    c.add_actor({.id = "bob"});
    c.add_actor({.id = "carol"});
    statement x{};
    x.id = "x";
    x.actor = "alice";
    x.text = script_text;
    x.base = 0.5;
    statement y{};
    y.id = "y";
    y.actor = "bob";
    y.text = image_text;
    y.base = 0.5;
    statement z{};
    z.id = "z";
    z.actor = "carol";
    z.text = "plain [link](javascript:alert(1)) | pipe";
    z.base = 0.5;
    c.add_statement(x);
    c.add_statement(y);
    c.add_statement(z);
    c.relate("y", "x", {.type = relation_type::contradicts, .directed = true, .note = "y says the opposite"});
    c.relate("z", "x", {.type = relation_type::supports});
    return c;
}

explain::case_analysis analyse(case_model& c) {
    explain::case_analysis a{};
    a.actors = actor_consistency_report(c, {});
    a.contradictions = analyse_contradictions(c, {});
    const compiled_graph g = compiled_graph::compile(c);
    const auto& sem = find_gradual_semantics("df-quad");
    a.strengths = sem.score(g, {});
    a.contributions.push_back(contributions(g, sem, 0, {}));
    a.contribution_topics_limit = 1;
    return a;
}

}  // namespace

TEST_CASE("html_escape turns markup into text in element content and attributes") {
    CHECK(report::html_escape(script_text) == "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
    CHECK(report::html_escape("a\"b&c") == "a&quot;b&amp;c");
    // NUL and other C0 controls are not allowed in HTML text: replaced, not dropped silently.
    CHECK(report::html_escape(std::string("a\0b\x01", 4)) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    CHECK(report::html_escape("tab\there\nline") == "tab\there\nline");
    CHECK(report::html_id("s-12") == "s-12");
    CHECK(report::html_id("\" onmouseover=x") == "--onmouseover-x");
}

TEST_CASE("markdown_escape leaves no link, code span, emphasis, table cell or raw HTML") {
    CHECK(report::markdown_escape("[a](javascript:alert(1))") == "\\[a\\](javascript:alert(1))");
    CHECK(report::markdown_escape(image_text) == "&lt;img src=x onerror=\"document.title='pwned'\">");
    CHECK(report::markdown_escape("a|b `c` *d* _e_") == "a\\|b \\`c\\` \\*d\\* \\_e\\_");
    CHECK(report::markdown_escape("# heading") == "\\# heading");
    CHECK(report::markdown_escape("a - b") == "a - b");  // a dash inside a line starts nothing
    // Text written after other text on its line cannot open a heading, a list or a quote.
    CHECK(report::markdown_escape("# heading", false) == "# heading");
    CHECK(report::markdown_escape("- item", false) == "- item");
    CHECK(report::markdown_escape("\\# x", false) == "\\\\# x");  // a backslash stays escaped
    CHECK(report::markdown_escape("two\nlines") == "two lines");
}

TEST_CASE("dot_escape keeps Graphviz escapes and quotes out") {
    CHECK(report::dot_escape("a\"b") == "a\\\"b");
    CHECK(report::dot_escape("\\N\\G") == "\\\\N\\\\G");
    CHECK(report::dot_escape("one\ntwo") == "one\\ntwo");
}

TEST_CASE("case report: strengths and contributions derived by hand from DF-QuAD") {
    case_model c = small_case();
    const auto a = analyse(c);
    REQUIRE(a.strengths.strength.size() == 3);
    CHECK(a.strengths.strength[0] == doctest::Approx(0.5));
    REQUIRE(a.contributions.front().contributions.size() == 2);
    const auto& k = a.contributions.front().contributions;
    // Both have |value| 0.25; each sign as derived above.
    for (const auto& x : k) CHECK(x.value == doctest::Approx(x.contributor == 1 ? -0.25 : 0.25));

    const explain::document d = explain::case_report(c, a);
    CHECK(d.title == "A <b>small</b> case");
    std::vector<std::string> ids{};
    for (const auto& s : d.sections) ids.push_back(s.id);
    CHECK(ids == std::vector<std::string>{"findings", "graph", "contradictions", "camps", "strengths", "actors",
                                          "verdicts", "unfolding", "timeline", "statements"});
    const std::string text = report::write_text(d);
    // The strength row of x: base 0.500, strength 0.500, moved by y −0.250 and z +0.250.
    CHECK(text.find("y -0.250") != std::string::npos);
    CHECK(text.find("z +0.250") != std::string::npos);
    // y contradicts x and z supports x: one component, camps {x, z} and {y}, balanced.
    CHECK(text.find("The graph is balanced") != std::string::npos);
    CHECK(text.find("y says the opposite") != std::string::npos);

    SUBCASE("graph view: one node per statement, edges typed, camps set") {
        const auto& f = std::get<explain::figure>(d.sections[1].blocks.front());
        REQUIRE(f.graph.nodes.size() == 3);
        REQUIRE(f.graph.edges.size() == 2);
        CHECK(f.graph.edges[0].contradicts);
        CHECK_FALSE(f.graph.edges[0].mutual);  // declared directed
        CHECK_FALSE(f.graph.edges[1].contradicts);
        REQUIRE(f.graph.nodes[0].camp.has_value());
        CHECK(f.graph.nodes[0].camp == f.graph.nodes[2].camp);
        CHECK(f.graph.nodes[0].camp != f.graph.nodes[1].camp);
        const std::string dot = report::graph_to_dot(f.graph);
        CHECK(count(dot, "[label=") == 3);
        CHECK(count(dot, " -> ") == 2);
        CHECK(count(dot, "arrowhead=tee") == 1);
        CHECK(dot.find("<script>") != std::string::npos);  // in a DOT string, escaped by Graphviz for SVG
        CHECK(dot.find("URL=\"#s-0\"") != std::string::npos);
    }

    SUBCASE("condensed graph above the limit: one node per camp, relations counted") {
        explain::case_report_options o{};
        o.graph_limit = 2;
        const auto small = explain::case_report(c, a, o);
        const auto& f = std::get<explain::figure>(small.sections[1].blocks.front());
        CHECK(f.graph.condensed);
        REQUIRE(f.graph.nodes.size() == 2);  // camp A {x, z}, camp B {y}
        CHECK(f.graph.nodes[0].label.rfind("camp A: 2 statements", 0) == 0);
        CHECK(f.graph.nodes[1].label.rfind("camp B: 1 statements", 0) == 0);
        REQUIRE(f.graph.edges.size() == 2);
        std::size_t supports_inside = 0, contradictions_across = 0;
        for (const auto& e : f.graph.edges) {
            if (!e.contradicts && e.from == e.to) ++supports_inside;
            if (e.contradicts && e.from != e.to) ++contradictions_across;
            CHECK(e.label == "\u00d71");
            CHECK_FALSE(e.frustrated);
        }
        CHECK(supports_inside == 1);
        CHECK(contradictions_across == 1);
    }

    SUBCASE("HTML: every string escaped, no script, no network, statements anchored") {
        const std::string html = report::write_html(d);
        CHECK(count(html, "<script") == 0);
        CHECK(count(html, "<img") == 0);
        CHECK(html.find("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;") != std::string::npos);
        CHECK(html.find("<title>A &lt;b&gt;small&lt;/b&gt; case</title>") != std::string::npos);
        CHECK(html.find("Content-Security-Policy\" content=\"default-src 'none'") != std::string::npos);
        CHECK(count(html, "http://") + count(html, "https://") == 0);
        for (int v = 0; v < 3; ++v) CHECK(html.find("<tr id=\"s-" + std::to_string(v) + "\">") != std::string::npos);
        // Without a layout the figure is the DOT text, escaped.
        CHECK(html.find("<pre>digraph narrative {") != std::string::npos);
    }

    SUBCASE("Markdown: the case's text cannot open links or HTML") {
        const std::string md = report::write_markdown(d);
        CHECK(md.rfind("# A &lt;b>small&lt;/b> case\n", 0) == 0);
        CHECK(md.find("\\[link\\](javascript:alert(1)) \\| pipe") != std::string::npos);
        // Outside the fenced DOT block (literal text in CommonMark) no markup is left.
        const auto fence = md.find("```dot\n");
        REQUIRE(fence != std::string::npos);
        const auto fence_end = md.find("\n```\n", fence);
        REQUIRE(fence_end != std::string::npos);
        const std::string outside = md.substr(0, fence) + md.substr(fence_end);
        CHECK(count(outside, "<img") == 0);
        CHECK(count(outside, "<script") == 0);
        CHECK(count(md.substr(fence, fence_end - fence), "```") == 1);  // the DOT cannot close the fence
    }

    SUBCASE("JSON: the same document, spans typed") {
        const auto j = report::report_to_json(d);
        CHECK(j["format"] == "narrative-report/1");
        CHECK(j["sections"].size() == 10);
        CHECK(j["sections"][1]["blocks"][0]["graph"]["nodes"].size() == 3);
    }
}

TEST_CASE("explain_statement: the strength, each contribution with how it reaches the statement, and the relations") {
    case_model c = small_case();
    const consistency_report rep = actor_consistency_report(c, {});
    const compiled_graph g = compiled_graph::compile(c);
    const auto& sem = find_gradual_semantics("df-quad");
    const auto e = explain::explain_statement(c, rep, g, sem, 0, contribution_function::removal);
    // The values derived above: σ(x) = 0.5; removing y gives 0.75, removing z gives 0.25.
    CHECK(e.strength.strength == doctest::Approx(0.5));
    CHECK(e.base == 0.5);
    CHECK(e.strength.run.ok());
    REQUIRE(e.contributions.size() == 2);
    for (const auto& k : e.contributions) {
        CHECK(k.value == doctest::Approx(k.statement == 1 ? -0.25 : 0.25));
        CHECK(k.link == (k.statement == 1 ? "contradicts it" : "supports it"));
    }
    CHECK_FALSE(e.proposition.has_value());  // no claims in this case
    REQUIRE(e.relations.size() == 2);
    for (const auto& r : e.relations) CHECK(r.incoming);
    // A statement outside the case is refused before anything is read at it.
    CHECK_THROWS_AS((void)explain::explain_statement(c, rep, g, sem, 3, contribution_function::removal),
                    narrative::usage_error);
}

TEST_CASE("case report refuses strengths of another case") {
    case_model c = small_case();
    auto a = analyse(c);
    a.strengths.strength.pop_back();
    CHECK_THROWS_AS((void)explain::case_report(c, a), std::invalid_argument);
}

#if NARRATIVE_HAS_GRAPHVIZ
TEST_CASE("graphviz_svg lays out a report graph as inline SVG with the text escaped") {
    case_model c = small_case();
    const auto a = analyse(c);
    const auto d = explain::case_report(c, a);
    const auto& f = std::get<explain::figure>(d.sections[1].blocks.front());
    const std::string svg = report::graphviz_svg(report::graph_to_dot(f.graph));
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(count(svg, "class=\"node\"") == 3);
    CHECK(count(svg, "class=\"edge\"") == 2);
    CHECK(count(svg, "<script") == 0);
    CHECK(count(svg, "<img") == 0);
    CHECK(count(svg, "<!--") == 0);
    CHECK(svg.find("id=\"graph_s_1\"") != std::string::npos);
    CHECK_THROWS_AS((void)report::graphviz_svg("this is not dot {"), report::layout_error);
    CHECK_THROWS_AS((void)report::graphviz_svg("digraph { a -> b }", "no-such-engine"), report::layout_error);
}
#endif
