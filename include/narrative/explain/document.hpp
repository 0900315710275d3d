// SPDX-License-Identifier: MIT
#pragma once
// The document model of the explain layer: what a report says, before it is written as text,
// Markdown, HTML or JSON (report/). Analyses produce results, explain/ turns results into a
// document, report/ writes documents; no layer renders what belongs to another.
//
// Every string in a document is plain text (case files are untrusted input): writers escape
// it for their context. The only markup a document carries is a figure's graph, which is a
// description (graph_view), laid out by the writer.

#include <narrative/explain/graph_view.hpp>

#include <cstddef>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace narrative::explain {

/// A run of inline text. References name a statement or actor by id; writers turn them into
/// links to the place the document describes it, with `title` as hover text.
struct span {
    enum class kind {
        text,       ///< plain text
        strong,     ///< emphasised text (a verdict, a score that stands out)
        statement,  ///< a statement id (target: the id)
        actor,      ///< an actor id (target: the id)
        code,       ///< a literal: a command, an identifier that is not a reference
    };
    kind what = kind::text;
    std::string text{};    ///< what is shown
    std::string target{};  ///< the id referred to (statement, actor)
    std::string title{};   ///< hover text (e.g. the statement's text); may be empty
};

/// A line or paragraph of spans.
using inline_text = std::vector<span>;

[[nodiscard]] inline span text(std::string s) { return {span::kind::text, std::move(s), {}, {}}; }
[[nodiscard]] inline span strong(std::string s) { return {span::kind::strong, std::move(s), {}, {}}; }
[[nodiscard]] inline span code(std::string s) { return {span::kind::code, std::move(s), {}, {}}; }
[[nodiscard]] inline span statement_ref(std::string id, std::string title = {}) {
    std::string shown = id;
    return {span::kind::statement, std::move(shown), std::move(id), std::move(title)};
}
[[nodiscard]] inline span actor_ref(std::string id, std::string title = {}) {
    std::string shown = id;
    return {span::kind::actor, std::move(shown), std::move(id), std::move(title)};
}

/// Plain text of an inline run (what a reader sees, without links).
[[nodiscard]] inline std::string plain(const inline_text& line) {
    std::string out{};
    for (const auto& s : line) out += s.text;
    return out;
}

struct paragraph {
    inline_text content{};
};

/// A table. `numeric[i]` aligns column i to the right (writers that align).
struct table {
    std::vector<std::string> header{};
    std::vector<bool> numeric{};
    std::vector<std::vector<inline_text>> rows{};
    /// Anchor of each row (writers that link make the row a link target): empty, or one per
    /// row.
    std::vector<std::string> anchors{};
};

/// A bulleted list.
struct item_list {
    std::vector<inline_text> items{};
};

/// A drawing of the graph, laid out by the writer when it can.
struct figure {
    graph_view graph{};
    std::string caption{};
};

/// One line of a chart.
struct series {
    std::string name{};
    std::vector<double> values{};  ///< one per x label; NaN where there is no value
};

/// A line chart over labelled points (e.g. each actor's credibility at each date), values
/// between `min` and `max`. Writers that cannot draw give the numbers as a table, which the
/// document usually holds already.
struct chart {
    std::string caption{};
    std::vector<std::string> x_labels{};
    std::vector<series> lines{};
    double min = 0.0, max = 1.0;
};

using block = std::variant<paragraph, table, item_list, figure, chart>;

/// A section: a title, blocks, subsections. `collapsed` asks writers that can fold (HTML) to
/// show only the title until opened: for long lists.
struct section {
    std::string id{};     ///< stable anchor, [a-z0-9-]
    std::string title{};
    std::vector<block> blocks{};
    std::vector<section> subsections{};
    bool collapsed = false;
};

/// A whole document.
struct document {
    std::string title{};
    std::vector<inline_text> preamble{};  ///< lines under the title (what was analysed, how)
    std::vector<section> sections{};
};

}  // namespace narrative::explain
