// config: how the library is built into a program.
//
// samverkan is header-only by default. A program may instead link the small compiled part,
// `samverkan::compiled` (CMake; it defines SAMVERKAN_SEPARATE_COMPILATION for its users), which holds the
// default model's audit and its JSON reading and writing compiled once, as {fmt} offers besides its
// header-only mode. The headers then declare those functions instead of defining them, so a translation
// unit that audits or reads a samverkan::model does not instantiate the rule catalogue or the reader: it
// compiles in a fraction of the time and memory (README, "Compile time"). Every other instantiation (a
// planning tool's own traits, user rules) stays header-only and works in both modes.
//
// All translation units of one program must agree: either none defines SAMVERKAN_SEPARATE_COMPILATION, or
// all do and the program links samverkan::compiled.
#ifndef SAMVERKAN_CONFIG_HPP
#define SAMVERKAN_CONFIG_HPP

// SAMVERKAN_DECLARE_ONLY: 1 when this translation unit uses the compiled part instead of compiling it.
// SAMVERKAN_COMPILED_INLINE: the linkage of the functions of the compiled part: `inline` when header-only;
// nothing when they are compiled once (src/compiled.cpp) or only declared.
#if defined(SAMVERKAN_SEPARATE_COMPILATION) && !defined(SAMVERKAN_BUILDING_COMPILED)
#define SAMVERKAN_DECLARE_ONLY 1
#else
#define SAMVERKAN_DECLARE_ONLY 0
#endif
#if defined(SAMVERKAN_SEPARATE_COMPILATION) || defined(SAMVERKAN_BUILDING_COMPILED)
#define SAMVERKAN_COMPILED_INLINE
#else
#define SAMVERKAN_COMPILED_INLINE inline
#endif

#endif // SAMVERKAN_CONFIG_HPP
