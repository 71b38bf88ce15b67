// Catch2 v2 (Debian 12) or v3: the tests include this instead of Catch2 directly, and use the string
// matchers through samverkan_test::contains, starts_with and ends_with, which have other names in v3.
#ifndef SAMVERKAN_TESTS_CATCH_HPP
#define SAMVERKAN_TESTS_CATCH_HPP

#include <string>

#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

namespace samverkan_test {
inline auto contains(std::string const& text) { return Catch::Matchers::ContainsSubstring(text); }
inline auto starts_with(std::string const& text) { return Catch::Matchers::StartsWith(text); }
inline auto ends_with(std::string const& text) { return Catch::Matchers::EndsWith(text); }
} // namespace samverkan_test
#else
#include <catch2/catch.hpp>

namespace samverkan_test {
inline auto contains(std::string const& text) { return Catch::Matchers::Contains(text); }
inline auto starts_with(std::string const& text) { return Catch::Matchers::StartsWith(text); }
inline auto ends_with(std::string const& text) { return Catch::Matchers::EndsWith(text); }
} // namespace samverkan_test
#endif

#endif // SAMVERKAN_TESTS_CATCH_HPP
