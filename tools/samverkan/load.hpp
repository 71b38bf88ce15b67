// load: reads a model file for the tool: io::read_json_file (a regular file is mapped and parsed in place),
// or standard input for `-`. Errors are samverkan::io::load_error.
#ifndef SAMVERKAN_TOOLS_LOAD_HPP
#define SAMVERKAN_TOOLS_LOAD_HPP

#include <samverkan/io/json.hpp>
#include <samverkan/io/load_error.hpp>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace samverkan::tool {

inline std::string read_stdin() {
    std::string text;
    char chunk[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) text.append(chunk, n);
    if (std::ferror(stdin)) throw samverkan::io::load_error{"<stdin>", 0, 0, "", "cannot read standard input"};
    return text;
}

/// The model in `file` (`-`: standard input).
inline samverkan::model load(std::string const& file) {
    if (file == "-") return samverkan::io::read_json(read_stdin(), "<stdin>");
    return samverkan::io::read_json_file(file); // mapped and parsed in place (io/detail/mapped_file.hpp)
}

using clock_type = std::chrono::steady_clock;

inline double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

/// "<stdin>" for `-`, the path otherwise: how messages and reports name an input.
inline std::string display_name(std::string const& file) { return file == "-" ? std::string{"<stdin>"} : file; }

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_LOAD_HPP
