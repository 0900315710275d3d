// SPDX-License-Identifier: MIT
#pragma once
// A document (explain/document.hpp) as one self-contained HTML page: inline style, the graph
// as inline SVG, no script, no network access at view time (a Content-Security-Policy forbids
// every fetch and every script, so even a writer bug could not run injected code). Long
// sections fold (<details>). Every string is escaped for its context (report/escape.hpp).

#include <narrative/explain/document.hpp>
#include <narrative/report/escape.hpp>
#include <narrative/report/graph_dot.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

namespace narrative::report {

/// Options of write_html.
struct html_options {
    /// Lays out a DOT graph as an SVG element (e.g. graphviz_svg, report/graph_layout.hpp).
    /// Unset: figures are written as their DOT text, to be drawn with `dot -Tsvg`.
    std::function<std::string(std::string_view dot)> layout{};
    /// Written in the page's footer (e.g. the tool and version); plain text.
    std::string generator{};
};

namespace detail {

inline void html_inline(std::string& out, const explain::inline_text& line) {
    for (const auto& s : line) {
        const std::string t = html_escape(s.text);
        const std::string title = s.title.empty() ? std::string{} : " title=\"" + html_escape(s.title) + "\"";
        switch (s.what) {
        case explain::span::kind::text: out += t; break;
        case explain::span::kind::strong: out += "<strong>" + t + "</strong>"; break;
        case explain::span::kind::code: out += "<code>" + t + "</code>"; break;
        case explain::span::kind::statement:
            out += "<a class=\"st\" href=\"#" + html_id(s.target) + "\"" + title + ">" + t + "</a>";
            break;
        case explain::span::kind::actor:
            out += "<a class=\"ac\" href=\"#" + html_id(s.target) + "\"" + title + ">" + t + "</a>";
            break;
        }
    }
}

inline void html_legend(std::string& out, bool condensed) {
    auto swatch = [&](std::uint32_t light, std::uint32_t dark, const char* label) {
        out += "<span class=\"sw\" style=\"background:linear-gradient(90deg," + blend(light, dark, 0.0) + "," +
               blend(light, dark, 1.0) + ")\"></span>" + label + " ";
    };
    out += "<p class=\"legend\">";
    swatch(graph_palette::camp_a_light, graph_palette::camp_a_dark, "camp A");
    swatch(graph_palette::camp_b_light, graph_palette::camp_b_dark, "camp B");
    swatch(graph_palette::none_light, graph_palette::none_dark, "no camp");
    if (!condensed) out += "(lighter = weaker, darker = stronger) ";
    out += "<span class=\"ln\" style=\"border-color:" + std::string(graph_palette::contradicts) +
           "\"></span>contradicts <span class=\"ln\" style=\"border-color:" + std::string(graph_palette::supports) +
           "\"></span>supports <span class=\"ln\" style=\"border-style:dashed\"></span>inferred from claims "
           "<span class=\"ln\" style=\"border-width:3px\"></span>against the camps' balance";
    if (!condensed) out += " <span class=\"sw\" style=\"border:3px solid #222\"></span>contradicted from several directions";
    out += "</p>\n";
}

/// A line chart as inline SVG: one polyline per series (breaking where a value is missing), a
/// point per value with its series, label and value as hover text, a legend.
inline void html_chart(std::string& out, const explain::chart& c) {
    static constexpr const char* colours[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                              "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    constexpr std::size_t palette = sizeof colours / sizeof colours[0];
    const double width = 760, height = 260, left = 44, right = 16, top = 12, bottom = 48;
    const std::size_t n = c.x_labels.size();
    const double span = c.max > c.min ? c.max - c.min : 1.0;
    auto x_at = [&](std::size_t i) { return n < 2 ? left + (width - left - right) / 2 : left + (width - left - right) * double(i) / double(n - 1); };
    auto y_at = [&](double v) { return top + (height - top - bottom) * (1.0 - (v - c.min) / span); };
    auto num = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v);
        return std::string(buf);
    };
    out += "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width) + " " +
           num(height) + "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" role=\"img\">\n";
    for (int k = 0; k <= 4; ++k) {
        const double v = c.min + span * k / 4.0, y = y_at(v);
        out += "<line x1=\"" + num(left) + "\" x2=\"" + num(width - right) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
               "\" stroke=\"#e4e4e4\"/><text x=\"" + num(left - 6) + "\" y=\"" + num(y + 4) +
               "\" font-size=\"10\" text-anchor=\"end\" fill=\"#666\">" + html_escape(num(v).substr(0, 4)) + "</text>\n";
    }
    for (std::size_t i = 0; i < n; ++i)
        out += "<text x=\"" + num(x_at(i)) + "\" y=\"" + num(height - bottom + 16) +
               "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#444\">" + html_escape(c.x_labels[i]) + "</text>\n";
    for (std::size_t k = 0; k < c.lines.size(); ++k) {
        const auto& line = c.lines[k];
        const std::string colour = colours[k % palette];
        const std::string dash = k >= palette ? " stroke-dasharray=\"5 3\"" : "";
        std::string points{};
        auto flush = [&] {
            if (points.find(' ') != std::string::npos)
                out += "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"" + dash + " points=\"" +
                       points + "\"/>\n";
            points.clear();
        };
        for (std::size_t i = 0; i < n && i < line.values.size(); ++i) {
            const double v = line.values[i];
            if (!std::isfinite(v)) {
                flush();
                continue;
            }
            const std::string xy = num(x_at(i)) + "," + num(y_at(std::clamp(v, c.min, c.max)));
            points += (points.empty() ? "" : " ") + xy;
        }
        flush();
        for (std::size_t i = 0; i < n && i < line.values.size(); ++i) {
            const double v = line.values[i];
            if (!std::isfinite(v)) continue;
            char value[32];
            std::snprintf(value, sizeof value, "%.3f", v);
            out += "<circle cx=\"" + num(x_at(i)) + "\" cy=\"" + num(y_at(std::clamp(v, c.min, c.max))) +
                   "\" r=\"3\" fill=\"" + colour + "\"><title>" + html_escape(line.name + ", " + c.x_labels[i] + ": " + value) +
                   "</title></circle>\n";
        }
    }
    out += "</svg>\n<p class=\"legend\">";
    for (std::size_t k = 0; k < c.lines.size(); ++k)
        out += "<span class=\"ln\" style=\"border-color:" + std::string(colours[k % palette]) +
               (k >= palette ? ";border-top-style:dashed" : "") + "\"></span>" + html_escape(c.lines[k].name) + " ";
    out += "</p>\n<figcaption>" + html_escape(c.caption) + "</figcaption></figure>\n";
}

inline void html_block(std::string& out, const explain::block& b, const html_options& o, int& figure_count) {
    if (const auto* p = std::get_if<explain::paragraph>(&b)) {
        out += "<p>";
        html_inline(out, p->content);
        out += "</p>\n";
    } else if (const auto* t = std::get_if<explain::table>(&b)) {
        out += "<div class=\"tw\"><table>\n<thead><tr>";
        for (std::size_t i = 0; i < t->header.size(); ++i)
            out += std::string(i < t->numeric.size() && t->numeric[i] ? "<th class=\"num\">" : "<th>") +
                   html_escape(t->header[i]) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (std::size_t r = 0; r < t->rows.size(); ++r) {
            out += r < t->anchors.size() && !t->anchors[r].empty() ? "<tr id=\"" + html_id(t->anchors[r]) + "\">"
                                                                   : std::string("<tr>");
            for (std::size_t i = 0; i < t->rows[r].size(); ++i) {
                out += i < t->numeric.size() && t->numeric[i] ? "<td class=\"num\">" : "<td>";
                html_inline(out, t->rows[r][i]);
                out += "</td>";
            }
            out += "</tr>\n";
        }
        out += "</tbody></table></div>\n";
    } else if (const auto* l = std::get_if<explain::item_list>(&b)) {
        out += "<ul>\n";
        for (const auto& item : l->items) {
            out += "<li>";
            html_inline(out, item);
            out += "</li>\n";
        }
        out += "</ul>\n";
    } else if (const auto* ch = std::get_if<explain::chart>(&b)) {
        html_chart(out, *ch);
    } else if (const auto* f = std::get_if<explain::figure>(&b)) {
        const std::string dot = graph_to_dot(f->graph);
        out += "<figure>\n";
        html_legend(out, f->graph.condensed);
        if (o.layout) {
            // Fitted to the page's width; a checkbox (no script) shows it at full size.
            const std::string zoom = "zoom-" + std::to_string(++figure_count);
            out += "<input type=\"checkbox\" class=\"zoom\" id=\"" + zoom + "\"><label for=\"" + zoom +
                   "\"> full size (scroll to move)</label>\n<div class=\"graph\">" + o.layout(dot) + "</div>\n";
        } else {
            out += "<p>No layout program was given: the graph in DOT, to draw with <code>dot -Tsvg</code>:</p>\n"
                   "<pre>" + html_escape(dot) + "</pre>\n";
        }
        out += "<figcaption>" + html_escape(f->caption) + "</figcaption>\n</figure>\n";
    }
}

inline void html_section(std::string& out, const explain::section& s, const html_options& o, int level,
                         int& figure_count) {
    const std::string h = "h" + std::to_string(level < 6 ? level : 6);
    const std::string id = html_id(s.id);
    out += "<section id=\"" + id + "\">\n";
    if (s.collapsed) out += "<details>\n<summary><" + h + ">" + html_escape(s.title) + "</" + h + "></summary>\n";
    else out += "<" + h + ">" + html_escape(s.title) + "</" + h + ">\n";
    for (const auto& b : s.blocks) html_block(out, b, o, figure_count);
    for (const auto& sub : s.subsections) html_section(out, sub, o, level + 1, figure_count);
    if (s.collapsed) out += "</details>\n";
    out += "</section>\n";
}

inline constexpr std::string_view html_style = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;margin:0 auto;max-width:1200px;padding:0 1.5em 3em}
h1{font-size:1.7em;margin:.8em 0 .2em}h2{font-size:1.35em;border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
h3{font-size:1.1em;margin:1.2em 0 .3em}h4{font-size:1em;margin:1em 0 .2em}
summary{cursor:pointer}summary>h2,summary>h3,summary>h4{display:inline-block}
nav ul{columns:3;list-style:none;padding:0}nav a,a.st,a.ac{color:#1a5fb4;text-decoration:none}a:hover{text-decoration:underline}
a.ac{font-style:italic}.pre{color:#555}
.tw{overflow-x:auto}table{border-collapse:collapse;margin:.4em 0 1em;font-size:13px}
th,td{border:1px solid #ddd;padding:3px 7px;vertical-align:top;text-align:left}th{background:#f4f4f4}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}tbody tr:nth-child(even){background:#fafafa}
tr:target{background:#fff4c2!important}
figure{margin:0}.graph{overflow:auto;max-height:90vh;border:1px solid #ddd;padding:4px}.graph svg{max-width:100%;height:auto}
.zoom{margin-left:0}.zoom:checked~.graph svg{max-width:none}.zoom+label{font-size:12px;color:#555}
figcaption,.legend{font-size:12px;color:#555}.sw{display:inline-block;width:2.2em;height:.9em;vertical-align:middle;margin:0 .3em 0 .8em;border:1px solid #999}
.ln{display:inline-block;width:2.2em;vertical-align:middle;margin:0 .3em 0 .8em;border-top:2px solid #555}
pre{background:#f6f6f6;padding:.6em;overflow:auto;font-size:12px}footer{margin-top:3em;color:#777;font-size:12px}
)";

}  // namespace detail

/// The document as an HTML page (UTF-8). Throws what `o.layout` throws.
[[nodiscard]] inline std::string write_html(const explain::document& d, const html_options& o = {}) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src 'unsafe-inline'; img-src data:\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                      html_escape(d.title) + "</title>\n<style>" + std::string(detail::html_style) +
                      "</style>\n</head>\n<body>\n<header>\n<h1>" + html_escape(d.title) + "</h1>\n";
    for (const auto& line : d.preamble) {
        out += "<p class=\"pre\">";
        detail::html_inline(out, line);
        out += "</p>\n";
    }
    out += "<nav><ul>\n";
    for (const auto& s : d.sections)
        out += "<li><a href=\"#" + html_id(s.id) + "\">" + html_escape(s.title) + "</a></li>\n";
    out += "</ul></nav>\n</header>\n<main>\n";
    int figure_count = 0;
    for (const auto& s : d.sections) detail::html_section(out, s, o, 2, figure_count);
    out += "</main>\n";
    if (!o.generator.empty()) out += "<footer>" + html_escape(o.generator) + "</footer>\n";
    return out + "</body>\n</html>\n";
}

}  // namespace narrative::report
