// SPDX-License-Identifier: MIT
#pragma once
// Graph layout with Graphviz, for the HTML report's drawing. Compiled separately (target
// narrative::graphviz, needs libgraphviz-dev); the writers take the layout as a function, so
// that the header library does not depend on Graphviz.

#include <stdexcept>
#include <string>
#include <string_view>

namespace narrative::report {

/// Graphviz could not read or lay out a graph.
class layout_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Lays out a DOT graph with the Graphviz engine `engine` (dot, neato, sfdp, …) and returns the
/// drawing as an SVG element: the `<svg …>` … `</svg>` text, without XML declaration, doctype or
/// comments, ready to be placed inside an HTML page. Throws layout_error with Graphviz's
/// message when the text is not DOT or the engine is unknown.
/// Graphviz keeps global state: call it from one thread at a time.
[[nodiscard]] std::string graphviz_svg(std::string_view dot, std::string_view engine = "dot");

}  // namespace narrative::report
