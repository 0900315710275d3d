// SPDX-License-Identifier: MIT
// The ceasefire case: load it and print who said what, when, and how the statements bear on
// each other. Usage: narrative_example_ceasefire [CASE.json]
#include <narrative/narrative.hpp>

#include <algorithm>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

namespace {

std::string pad(std::string s, std::size_t width) {
    // Pads by characters, not bytes, so UTF-8 text lines up.
    std::size_t chars = 0;
    for (const unsigned char ch : s) chars += (ch & 0xC0) != 0x80 ? 1 : 0;
    if (chars < width) s.append(width - chars, ' ');
    return s;
}

std::string count(std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string describe_claim(const narrative::case_model& c, const narrative::claim& cl) {
    std::string out = std::string(to_string(cl.effective_stance())) + " " + cl.proposition;
    if (cl.value) out += " = " + *cl.value;
    if (c.proposition_of(cl) == nullptr) out += " (undeclared yes/no)";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "examples/ceasefire/ceasefire.json";
    narrative::case_model c;
    try {
        c = narrative::read_case_file(path);
    } catch (const narrative::parse_error& e) {
        for (const auto& d : e.diagnostics()) std::cerr << d.to_string() << '\n';
        return 1;
    } catch (const narrative::error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }

    std::cout << (c.info().title ? *c.info().title : path) << "\n\n";

    std::cout << "Actors (" << c.actors().size() << ")\n";
    for (std::uint32_t a = 0; a < c.actors().size(); ++a) {
        const auto& who = c.actor_at(a);
        std::cout << "  " << pad(who.id, 22) << pad(count(c.statements_of(a).size(), "statement"), 15)
                  << who.display_name() << (who.group ? " [" + *who.group + "]" : "") << '\n';
    }

    std::cout << "\nStatements in time order (" << c.statement_count() << ")\n";
    std::vector<narrative::statement_index> order(c.statement_count());
    std::iota(order.begin(), order.end(), narrative::statement_index{0});
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) {
        const auto& tx = c.statement_at(x).time;
        const auto& ty = c.statement_at(y).time;
        if (tx && ty) return *tx < *ty;
        return tx.has_value() && !ty.has_value();  // undated last
    });
    for (const auto v : order) {
        const auto& s = c.statement_at(v);
        std::cout << "  " << pad(s.time ? s.time->text() : "undated", 11) << pad(s.id, 46)
                  << (s.claim ? describe_claim(c, *s.claim) : std::string("(no structured claim)")) << '\n';
    }

    std::size_t supports = 0, contradicts = 0;
    for (const auto e : c.relations())
        (c.relation_at(e).type == narrative::relation_type::supports ? supports : contradicts) += 1;
    std::cout << "\nRelations (" << c.relation_count() << ": " << supports << " supports, " << contradicts
              << " contradicts)\n";
    for (const auto e : c.relations()) {
        const auto& r = c.relation_at(e);
        const char* arrow = r.type == narrative::relation_type::supports ? " supports "
                            : r.is_mutual()                              ? " <contradicts> "
                                                                         : " contradicts ";
        std::cout << "  " << c.statement_at(c.source(e)).id << arrow << c.statement_at(c.target(e)).id;
        if (r.weight) std::cout << " (weight " << *r.weight << ")";
        std::cout << '\n';
    }
    return 0;
}
