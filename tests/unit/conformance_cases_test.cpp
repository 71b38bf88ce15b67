// The public conformance suite through the library: every ../shared/conformance/cases/NNN-*.json is read
// with io::read_json_file, audited, and its findings (rule, severity, subjects, witness, order) compared
// with NNN-*.expected.json, as compare.py does: `reasons` as a map, exclusive-overlap `scopes` as a
// multiset, everything else exactly.
#include "analysis_test_support.hpp"
#include "catch.hpp"

#include <samverkan/analysis/audit.hpp>
#include <samverkan/io/json.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan_tests_conformance_cases_test { // one per file: the tests are built as a unity build

using namespace samverkan;

namespace {

// A minimal reader for the expected files, which use objects, arrays, strings and null only (no escapes
// other than \" and \\). Keys keep their order.
struct value {
    enum class kind { null, string, array, object } k = kind::null;
    std::string key; // the member's key, inside an object
    std::string text;
    std::vector<value> items; // array elements or object members, in order
};

class reader {
public:
    explicit reader(std::string_view text) : s_{text} {}
    value parse() {
        skip();
        value v;
        char const c = s_.at(i_);
        if (c == '"') {
            v.k = value::kind::string;
            v.text = string();
        } else if (c == 'n') {
            i_ += 4;
        } else if (c == '[') {
            v.k = value::kind::array;
            ++i_;
            skip();
            if (s_.at(i_) == ']') ++i_;
            else
                for (;;) {
                    v.items.push_back(parse());
                    skip();
                    if (s_.at(i_++) == ']') break;
                }
        } else if (c == '{') {
            v.k = value::kind::object;
            ++i_;
            skip();
            if (s_.at(i_) == '}') ++i_;
            else
                for (;;) {
                    skip();
                    auto key = string();
                    skip();
                    ++i_; // ':'
                    v.items.push_back(parse());
                    v.items.back().key = std::move(key);
                    skip();
                    if (s_.at(i_++) == '}') break;
                }
        } else {
            throw std::runtime_error{"unexpected JSON in an expected file"};
        }
        return v;
    }

private:
    void skip() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    std::string string() {
        std::string out;
        ++i_;
        while (s_.at(i_) != '"') {
            if (s_[i_] == '\\') ++i_;
            out += s_.at(i_++);
        }
        ++i_;
        return out;
    }
    std::string_view s_;
    std::size_t i_ = 0;
};

std::string slurp(std::filesystem::path const& p) {
    std::ifstream in{p, std::ios::binary};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string show(value const& v, bool sort_list) {
    switch (v.k) {
    case value::kind::null: return "null";
    case value::kind::string: return v.text;
    case value::kind::array: {
        std::vector<std::string> parts;
        for (auto const& x : v.items) parts.push_back(show(x, false));
        if (sort_list) std::sort(parts.begin(), parts.end());
        std::string out = "[";
        for (auto const& p : parts) out += (out.size() > 1 ? "," : "") + p;
        return out + "]";
    }
    case value::kind::object: {
        auto members = v.items;
        std::sort(members.begin(), members.end(), [](value const& a, value const& b) { return a.key < b.key; });
        std::string out = "{";
        for (auto const& x : members) out += (out.size() > 1 ? "," : "") + x.key + ":" + show(x, false);
        return out + "}";
    }
    }
    return "";
}

std::vector<std::string> expected_lines(value const& doc) {
    std::vector<std::string> out;
    for (auto const& f : doc.items.at(0).items) {
        std::map<std::string, value const*> at;
        for (auto const& x : f.items) at[x.key] = &x;
        std::string const rule = at.at("rule")->text;
        std::string line = at.at("severity")->text + " " + rule;
        for (auto const& x : at.at("subjects")->items) line += " " + x.key + "=" + show(x, false);
        if (!at.at("witness")->items.empty()) {
            line += " |";
            for (auto const& x : at.at("witness")->items)
                line += " " + x.key + "=" + show(x, rule == "exclusive-overlap" && x.key == "scopes");
        }
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> actual_lines(model const& m, report const& r) {
    std::vector<std::string> out;
    for (auto const& f : r.findings) {
        auto g = f;
        if (f.rule == "exclusive-overlap")
            if (auto* scopes = std::get_if<ref_list>(&g.witness.at(0).value))
                std::sort(scopes->begin(), scopes->end(), [&m](auto const& a, auto const& b) {
                    auto const text = [&m](auto const& x) {
                        return x ? std::string{detail::id_text(m, *x)} : std::string{"null"};
                    };
                    return text(a) < text(b);
                });
        out.push_back(samverkan_test::line(m, g));
    }
    return out;
}

} // namespace

TEST_CASE("conformance: every valid case gives exactly the expected findings") {
    std::filesystem::path const dir = std::filesystem::path{SAMVERKAN_SHARED_DIR} / "conformance" / "cases";
    // A missing suite fails (it must never pass unnoticed): ../shared sits beside the repository.
    INFO("the conformance suite belongs at " << dir.string());
    REQUIRE(std::filesystem::is_directory(dir));
    std::vector<std::filesystem::path> cases;
    for (auto const& e : std::filesystem::directory_iterator{dir}) {
        auto const name = e.path().filename().string();
        if (name.size() > 5 && name.ends_with(".json") && !name.ends_with(".expected.json")) cases.push_back(e.path());
    }
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 70);
    for (auto const& path : cases) {
        auto expected_path = path;
        expected_path.replace_extension(".expected.json");
        INFO(path.filename().string());
        auto const m = io::read_json_file(path);
        auto const expected = expected_lines(reader{slurp(expected_path)}.parse());
        CHECK(actual_lines(m, audit(m)) == expected);
    }
}

} // namespace samverkan_tests_conformance_cases_test
