// SPDX-License-Identifier: MIT
#pragma once
// Deterministic damage to a case file for the reader tests: the same damaged files on every run
// and platform.

#include <cstddef>
#include <cstdint>
#include <string>

namespace narrative::test {

/// xorshift64: a seeded generator whose sequence the tests can rely on.
class xorshift {
public:
    explicit xorshift(std::uint64_t seed) : state_(seed) {}
    /// A number in [0, bound).
    std::size_t below(std::size_t bound) {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 7;
        state_ ^= state_ << 17;
        return static_cast<std::size_t>(state_ % bound);
    }

private:
    std::uint64_t state_;
};

/// `text` damaged at a random place in the way `round % kinds` names: 0 a byte set to any
/// value, 1 cut there, 2 1–40 bytes deleted, 3 1–40 bytes doubled, 4 a byte set to a JSON
/// punctuation or space character.
inline std::string damaged_copy(const std::string& text, int round, int kinds, xorshift& rng) {
    std::string damaged = text;
    const std::size_t at = rng.below(damaged.size());
    switch (round % kinds) {
        case 0: damaged[at] = static_cast<char>(rng.below(256)); break;
        case 1: damaged.resize(at); break;
        case 2: damaged.erase(at, 1 + rng.below(40)); break;
        case 3: damaged.insert(at, damaged.substr(at, 1 + rng.below(40))); break;
        default: damaged[at] = "\"{}[],:0-.e\\ \t\nx"[rng.below(17)]; break;
    }
    return damaged;
}

}  // namespace narrative::test
