// load: reads a model file for the tool: a regular file is mapped (MAP_POPULATE) and parsed in place,
// `-` reads standard input, anything else is read normally. Errors are samverkan::io::load_error.
#ifndef SAMVERKAN_TOOLS_LOAD_HPP
#define SAMVERKAN_TOOLS_LOAD_HPP

#include <samverkan/io/json.hpp>
#include <samverkan/io/load_error.hpp>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#if __has_include(<sys/mman.h>) && __has_include(<fcntl.h>) && __has_include(<unistd.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define SAMVERKAN_TOOL_MMAP 1
#else
#define SAMVERKAN_TOOL_MMAP 0
#endif

namespace samverkan::tool {

inline std::string read_stdin() {
    std::string text;
    char chunk[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) text.append(chunk, n);
    if (std::ferror(stdin)) throw samverkan::io::load_error{"<stdin>", 0, 0, "", "cannot read standard input"};
    return text;
}

#if SAMVERKAN_TOOL_MMAP
/// A regular file mapped read-only and populated in one call: the reader parses the page cache in place,
/// without copying the text and without a page fault per 4 KiB (at national scale the copy and the
/// faults cost about a second). Anything else (a pipe, an empty file, a failed map) is read normally.
class mapped_file {
public:
    explicit mapped_file(std::string const& path) {
        int const fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            auto const size = static_cast<std::size_t>(st.st_size);
            void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            if (p != MAP_FAILED) {
                data_ = static_cast<char const*>(p);
                size_ = size;
            }
        }
        ::close(fd);
    }
    mapped_file(mapped_file const&) = delete;
    mapped_file& operator=(mapped_file const&) = delete;
    ~mapped_file() {
        if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
    }
    [[nodiscard]] bool mapped() const noexcept { return data_ != nullptr; }
    [[nodiscard]] std::string_view text() const noexcept { return {data_, size_}; }

private:
    char const* data_ = nullptr;
    std::size_t size_ = 0;
};
#endif

/// The model in `file` (`-`: standard input).
inline samverkan::model load(std::string const& file) {
    if (file == "-") return samverkan::io::read_json(read_stdin(), "<stdin>");
#if SAMVERKAN_TOOL_MMAP
    if (mapped_file const map{file}; map.mapped()) return samverkan::io::read_json(map.text(), file);
#endif
    return samverkan::io::read_json_file(file); // also gives the error message when the file cannot be read
}

using clock_type = std::chrono::steady_clock;

inline double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

/// "<stdin>" for `-`, the path otherwise: how messages and reports name an input.
inline std::string display_name(std::string const& file) { return file == "-" ? std::string{"<stdin>"} : file; }

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_LOAD_HPP
