// SPDX-License-Identifier: MIT
#pragma once
// An independent brute-force oracle for the crisp semantics: every subset of a small framework
// (bitmasks, up to 20 arguments) checked against the definitions of Dung (1995), Caminada (2006),
// Verheij (1996) and Dung, Mancarella & Toni (2007). Shares no code with the solver.

#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace narrative::fixtures {

struct small_af {
    unsigned n = 0;
    std::vector<std::uint32_t> attackers_mask{};  // bit b of attackers_mask[a]: b attacks a
    [[nodiscard]] bool attacks(unsigned b, unsigned a) const { return (attackers_mask[a] >> b) & 1U; }
};

class brute_force {
public:
    explicit brute_force(const small_af& af) : af_(af) {
        const std::uint32_t full = af.n == 32 ? ~0U : (1U << af.n) - 1U;
        for (std::uint32_t s = 0; s <= full; ++s) {
            const std::uint32_t plus = attacked_by(s);
            const bool cf = (s & plus) == 0;
            if (cf) conflict_free_.push_back(s);
            if (cf && defended_subset(s, s)) {
                admissible_.push_back(s);
                if (defended(s) == s) complete_.push_back(s);  // s ⊆ F(s) and F(s) ⊆ s
            }
            if (s == full) break;
        }
    }

    // The arguments attacked by some member of s.
    [[nodiscard]] std::uint32_t attacked_by(std::uint32_t s) const {
        std::uint32_t plus = 0;
        for (unsigned a = 0; a < af_.n; ++a)
            if (af_.attackers_mask[a] & s) plus |= 1U << a;
        return plus;
    }
    // F(s): the arguments all of whose attackers s attacks.
    [[nodiscard]] std::uint32_t defended(std::uint32_t s) const {
        const std::uint32_t plus = attacked_by(s);
        std::uint32_t d = 0;
        for (unsigned a = 0; a < af_.n; ++a)
            if ((af_.attackers_mask[a] & ~plus) == 0) d |= 1U << a;
        return d;
    }
    [[nodiscard]] bool defended_subset(std::uint32_t t, std::uint32_t s) const { return (t & ~defended(s)) == 0; }

    [[nodiscard]] std::set<std::uint32_t> semantics(const std::string& name) const {
        const std::uint32_t full = (af_.n == 32) ? ~0U : (1U << af_.n) - 1U;
        std::set<std::uint32_t> out;
        if (name == "complete") return {complete_.begin(), complete_.end()};
        if (name == "grounded") {
            // least fixpoint of F from the empty set
            std::uint32_t s = 0;
            while (defended(s) != s) s = defended(s);
            return {s};
        }
        if (name == "preferred") return maximal(admissible_, [](std::uint32_t s) { return s; });
        if (name == "stable") {
            for (const auto s : conflict_free_)
                if ((s | attacked_by(s)) == full) out.insert(s);
            return out;
        }
        if (name == "semi-stable")
            return maximal(complete_, [this](std::uint32_t s) { return s | attacked_by(s); });
        if (name == "stage")
            return maximal(conflict_free_, [this](std::uint32_t s) { return s | attacked_by(s); });
        if (name == "ideal") {
            std::uint32_t common = full;
            for (const auto p : semantics("preferred")) common &= p;
            std::vector<std::uint32_t> inside;
            for (const auto s : admissible_)
                if ((s & ~common) == 0) inside.push_back(s);
            auto m = maximal(inside, [](std::uint32_t s) { return s; });
            if (m.size() != 1) throw std::logic_error("ideal not unique");
            return m;
        }
        throw std::logic_error("brute_force: unknown semantics " + name);
    }

private:
    template <class Key>
    static std::set<std::uint32_t> maximal(const std::vector<std::uint32_t>& sets, Key key) {
        std::set<std::uint32_t> out;
        for (const auto s : sets) {
            bool dominated = false;
            for (const auto t : sets) {
                const auto ks = key(s), kt = key(t);
                if (ks != kt && (ks & ~kt) == 0) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) out.insert(s);
        }
        return out;
    }

    small_af af_;
    std::vector<std::uint32_t> conflict_free_{}, admissible_{}, complete_{};
};

}  // namespace narrative::fixtures
