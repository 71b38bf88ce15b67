// text_release: how a reader tells the owner of its text which prefix it no longer needs, so that the owner
// can drop those pages while the reading goes on (io::read_json_file does this with its mapped file).
// Internal; not part of the public API.
#ifndef SAMVERKAN_IO_DETAIL_TEXT_RELEASE_HPP
#define SAMVERKAN_IO_DETAIL_TEXT_RELEASE_HPP

#include <cstddef>

namespace samverkan::io::detail {

/// `release(context, end)` is called with growing offsets. The reader reads the text before `end` again
/// only to report an error (its line and column), so the owner may drop those pages but must keep them
/// readable (a mapped file's dropped page is read back from the file). No `release`: nothing is called.
struct text_release {
    void* context = nullptr;
    void (*release)(void* context, std::size_t end) noexcept = nullptr;
};

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_TEXT_RELEASE_HPP
