// SPDX-License-Identifier: MIT
#pragma once
// How the explain layer cites statements and actors, and formats numbers: shared by every
// document it builds, so that a statement looks and links the same everywhere.

#include <narrative/explain/document.hpp>
#include <narrative/model/case_model.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

namespace narrative::explain::detail {

[[nodiscard]] inline std::string number(double x, int digits = 3) {
    if (!std::isfinite(x)) return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, x);
    std::string s = buf;
    // "-0.000" reads as a sign without a value.
    if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
    return s;
}

[[nodiscard]] inline std::string signed_number(double x, int digits = 3) {
    std::string s = number(x, digits);
    if (s != "-" && s.front() != '-' && s.find_first_not_of("0.") != std::string::npos) s.insert(0, "+");
    return s;
}

[[nodiscard]] inline std::string statement_anchor(statement_index v) { return "s-" + std::to_string(v); }
[[nodiscard]] inline std::string actor_anchor(std::uint32_t a) { return "a-" + std::to_string(a); }
[[nodiscard]] inline std::string proposition_anchor(std::size_t p) { return "p-" + std::to_string(p); }

/// Hover text of a statement: its text, who said it and when, its source.
[[nodiscard]] inline std::string statement_title(const case_model& c, statement_index v) {
    const statement& s = c.statement_at(v);
    std::string t = s.text ? "\u201c" + *s.text + "\u201d" : std::string("(no text)");
    t += " \u2014 " + (s.actor ? *s.actor : std::string("anonymous"));
    if (s.time) t += ", " + s.time->text();
    if (s.source) t += "; source: " + *s.source;
    return t;
}

[[nodiscard]] inline span sref(const case_model& c, statement_index v) {
    return {span::kind::statement, c.statement_at(v).id, statement_anchor(v), statement_title(c, v)};
}

[[nodiscard]] inline span aref(const case_model& c, std::uint32_t a) {
    const actor& who = c.actor_at(a);
    std::string title = who.display_name();
    if (who.kind) title += " (" + *who.kind + ")";
    if (who.group) title += ", " + *who.group;
    return {span::kind::actor, who.id, actor_anchor(a), std::move(title)};
}

/// The actor of a statement as a reference, or "anonymous".
[[nodiscard]] inline span statement_actor(const case_model& c, statement_index v) {
    const statement& s = c.statement_at(v);
    if (s.actor_index == no_actor) return text("anonymous");
    return aref(c, s.actor_index);
}

}  // namespace narrative::explain::detail
