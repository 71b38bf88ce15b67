// The one warning guard around Boost.Graph's headers: g++ 12 at -O1 and above reports -Wmaybe-uninitialized
// (and -Wnull-dereference) inside Boost.Graph (boostorg/graph#312). Every samverkan header that includes a
// Boost.Graph header wraps it in SAMVERKAN_BGL_WARNINGS_PUSH / SAMVERKAN_BGL_WARNINGS_POP, so users who
// compile with -Werror are protected without touching their own warning flags.
#ifndef SAMVERKAN_DETAIL_BGL_WARNINGS_HPP
#define SAMVERKAN_DETAIL_BGL_WARNINGS_HPP

#if defined(__GNUC__) && !defined(__clang__)
#define SAMVERKAN_BGL_WARNINGS_PUSH                                                                                    \
    _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wmaybe-uninitialized\"")                         \
        _Pragma("GCC diagnostic ignored \"-Wnull-dereference\"")
#define SAMVERKAN_BGL_WARNINGS_POP _Pragma("GCC diagnostic pop")
#else
#define SAMVERKAN_BGL_WARNINGS_PUSH
#define SAMVERKAN_BGL_WARNINGS_POP
#endif

#endif // SAMVERKAN_DETAIL_BGL_WARNINGS_HPP
