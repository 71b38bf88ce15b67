// Catch2 v2 (Debian 12) or v3: the tests include this instead of Catch2 directly.
#ifndef SAMVERKAN_TESTS_CATCH_HPP
#define SAMVERKAN_TESTS_CATCH_HPP

#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#else
#include <catch2/catch.hpp>
#endif

#endif // SAMVERKAN_TESTS_CATCH_HPP
