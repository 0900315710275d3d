// SPDX-License-Identifier: MIT
#pragma once
// A JSON document written member by member, element by element, with the bytes that
// `nlohmann::ordered_json::dump(2)` gives for the whole document: outputs of millions of
// elements never exist as one JSON value (a DOM costs about ten times its text).

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace narrative::report {

/// Appends a top-level JSON object to `out`, as `dump(2)` of the whole object would write it.
/// Call member() or array_member() for each member in order, then finish().
///
///     std::string text;
///     json_stream doc(text);
///     doc.member("format", "narrative-score/1");
///     doc.array_member("statements", [&](auto&& push) { for (...) push(row); });
///     doc.finish();
class json_stream {
public:
    using json = nlohmann::ordered_json;

    explicit json_stream(std::string& out) : out_(out) { out_ += '{'; }

    /// A member whose value is small enough to build whole.
    void member(std::string_view key, const json& value) {
        open_member(key);
        append_indented(value, 1);
    }

    /// An array member whose elements are built one at a time: `each(push)` calls `push(element)`
    /// for every element, in order; each element is written and can be dropped at once.
    template <class Each>
    void array_member(std::string_view key, Each&& each) {
        open_member(key);
        bool empty = true;
        each([&](const json& element) {
            out_ += empty ? "[\n" : ",\n";
            empty = false;
            out_.append(2 * indent_step, ' ');
            append_indented(element, 2);
        });
        if (empty) {
            out_ += "[]";
        } else {
            out_ += '\n';
            out_.append(indent_step, ' ');
            out_ += ']';
        }
    }

    /// Closes the object; nothing may be added after.
    void finish() { out_ += members_ == 0 ? "}" : "\n}"; }

private:
    static constexpr std::size_t indent_step = 2;

    void open_member(std::string_view key) {
        out_ += members_++ == 0 ? "\n" : ",\n";
        out_.append(indent_step, ' ');
        out_ += json(key).dump();  // the key, escaped as dump() escapes it
        out_ += ": ";
    }
    // `value` as dump(2) writes it `depth` levels down: every line after the first indented by
    // depth steps more (strings hold no raw line feeds: dump() escapes them).
    void append_indented(const json& value, std::size_t depth) {
        const std::string text = value.dump(static_cast<int>(indent_step));
        const std::string indent(depth * indent_step, ' ');
        std::size_t start = 0;
        for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
            out_.append(text, start, nl + 1 - start);
            out_ += indent;
            start = nl + 1;
        }
        out_.append(text, start, std::string::npos);
    }

    std::string& out_;
    std::size_t members_ = 0;
};

}  // namespace narrative::report
