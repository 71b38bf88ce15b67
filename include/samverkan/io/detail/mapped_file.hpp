// mapped_file: a regular file mapped read-only and populated in one call, so that a reader parses the page
// cache in place, without copying the text and without a page fault per 4 KiB (at national scale the copy
// and the faults cost about a second). io::read_json_file reads through it, and lets the model reader drop
// the pages it has passed (releaser(): madvise(MADV_DONTNEED); a dropped page that is read again, to locate
// an error, is read back from the file), so that a national model's load holds the model and a window of
// the file rather than both whole. The Python module maps the template files through it too. Not part of
// the public API.
//
//     if (samverkan::io::detail::mapped_file map{path}; map.mapped())
//         use(map.text());
//
// Anything that is not a non-empty regular file that can be opened and mapped (a pipe, an empty file, a
// failed map, a system without POSIX mmap) gives mapped() == false; the caller then reads it normally.
// Never throws. Cost: one open, fstat and mmap; the kernel reads the file in during mmap (MAP_POPULATE).
// The text stays valid until the object is destroyed.
#ifndef SAMVERKAN_IO_DETAIL_MAPPED_FILE_HPP
#define SAMVERKAN_IO_DETAIL_MAPPED_FILE_HPP

#include <samverkan/io/detail/text_release.hpp>

#include <cstddef>
#include <string>
#include <string_view>

#if __has_include(<sys/mman.h>) && __has_include(<fcntl.h>) && __has_include(<unistd.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define SAMVERKAN_IO_DETAIL_HAS_MMAP 1
#else
#define SAMVERKAN_IO_DETAIL_HAS_MMAP 0
#endif

namespace samverkan::io::detail {

/// A read-only mapping of a whole regular file (see the top of this header).
class mapped_file {
public:
    explicit mapped_file([[maybe_unused]] std::string const& path) noexcept {
#if SAMVERKAN_IO_DETAIL_HAS_MMAP
        int const fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            auto const size = static_cast<std::size_t>(st.st_size);
#ifdef MAP_POPULATE
            int const flags = MAP_PRIVATE | MAP_POPULATE;
#else
            int const flags = MAP_PRIVATE;
#endif
            void* p = ::mmap(nullptr, size, PROT_READ, flags, fd, 0);
            if (p != MAP_FAILED) {
                data_ = static_cast<char const*>(p);
                size_ = size;
            }
        }
        ::close(fd);
#endif
    }
    mapped_file(mapped_file const&) = delete;
    mapped_file& operator=(mapped_file const&) = delete;
    ~mapped_file() {
#if SAMVERKAN_IO_DETAIL_HAS_MMAP
        if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
#endif
    }

    /// Whether the file is mapped (otherwise read it another way).
    [[nodiscard]] bool mapped() const noexcept { return data_ != nullptr; }
    /// The file's bytes (empty when not mapped).
    [[nodiscard]] std::string_view text() const noexcept { return {data_, size_}; }

    /// Drops the whole pages before byte `end` from this process (they stay readable: a page read again
    /// is read back from the file). O(pages dropped).
    void release_before([[maybe_unused]] std::size_t end) noexcept {
#if SAMVERKAN_IO_DETAIL_HAS_MMAP && defined(MADV_DONTNEED)
        if (data_ == nullptr) return;
        auto const page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
        if (page == 0 || page > (std::size_t{1} << 30)) return;
        std::size_t const until = end >= size_ ? size_ : end / page * page;
        if (until <= released_) return;
        // released_ is a multiple of the page size and data_ is page-aligned (mmap)
        if (::madvise(const_cast<char*>(data_) + released_, until - released_, MADV_DONTNEED) == 0) released_ = until;
#endif
    }
    /// release_before as the model reader's callback (io/detail/text_release.hpp).
    [[nodiscard]] text_release releaser() noexcept {
        return {this,
                [](void* self, std::size_t end) noexcept { static_cast<mapped_file*>(self)->release_before(end); }};
    }

private:
    char const* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t released_ = 0;
};

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_MAPPED_FILE_HPP
