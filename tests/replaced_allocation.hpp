// Replaces every form of the global allocation functions (scalar and array; plain, nothrow, sized and aligned), for
// the programs that must see every block: the benchmark counts them, the secret tests look into them as they are
// released. Include it in one translation unit of a program, which defines the two hooks:
//
//   void replaced_allocation::on_allocate(void* block) noexcept;  // a new block, before it is handed out
//   void replaced_allocation::on_release(void* block) noexcept;   // a block about to go back, never null
//
// Everything else behaves as the default does: blocks come from the malloc family (std::malloc, or posix_memalign
// for over-aligned types), new loops on the new-handler and throws std::bad_alloc, the nothrow forms return null
// instead, and every delete form gives the block back with std::free. The hooks must neither allocate nor throw.
#ifndef KONNECT_MODELS_TESTS_REPLACED_ALLOCATION_HPP
#define KONNECT_MODELS_TESTS_REPLACED_ALLOCATION_HPP

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace replaced_allocation {

void on_allocate(void* block) noexcept;
void on_release(void* block) noexcept;

// `alignment` 0 for the default alignment.
inline void* allocate(std::size_t size, std::size_t alignment = 0) {
    if (size == 0) size = 1;  // malloc(0) may return null, which operator new must not
    for (;;) {
        void* block = nullptr;
        if (alignment == 0) {
            block = std::malloc(size);
        } else if (posix_memalign(&block, std::max(alignment, sizeof(void*)), size) != 0) {
            block = nullptr;  // posix_memalign, not std::aligned_alloc, which wants a multiple of the alignment
        }
        if (block != nullptr) {
            on_allocate(block);
            return block;
        }
        const std::new_handler handler = std::get_new_handler();
        if (handler == nullptr) throw std::bad_alloc();
        handler();
    }
}

// As the default nothrow forms do: the ordinary form's block, or null where it throws.
inline void* allocate_or_null(std::size_t size, std::size_t alignment = 0) noexcept {
    try {
        return allocate(size, alignment);
    } catch (...) {
        return nullptr;
    }
}

inline void release(void* block) noexcept {
    if (block == nullptr) return;
    on_release(block);
    std::free(block);
}

}  // namespace replaced_allocation

void* operator new(std::size_t size) { return replaced_allocation::allocate(size); }
void* operator new[](std::size_t size) { return replaced_allocation::allocate(size); }
void* operator new(std::size_t size, std::align_val_t alignment) {
    return replaced_allocation::allocate(size, static_cast<std::size_t>(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
    return replaced_allocation::allocate(size, static_cast<std::size_t>(alignment));
}
void* operator new(std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
    return replaced_allocation::allocate_or_null(size);
}
void* operator new[](std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
    return replaced_allocation::allocate_or_null(size);
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t& /*tag*/) noexcept {
    return replaced_allocation::allocate_or_null(size, static_cast<std::size_t>(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t& /*tag*/) noexcept {
    return replaced_allocation::allocate_or_null(size, static_cast<std::size_t>(alignment));
}

// GCC inlines these into delete-expressions, and then warns that std::free receives memory from operator new;
// that memory came from the malloc family in the operator new above, so the pairing is right.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void* block) noexcept { replaced_allocation::release(block); }
void operator delete[](void* block) noexcept { replaced_allocation::release(block); }
void operator delete(void* block, std::size_t /*size*/) noexcept { replaced_allocation::release(block); }
void operator delete[](void* block, std::size_t /*size*/) noexcept { replaced_allocation::release(block); }
void operator delete(void* block, const std::nothrow_t& /*tag*/) noexcept { replaced_allocation::release(block); }
void operator delete[](void* block, const std::nothrow_t& /*tag*/) noexcept { replaced_allocation::release(block); }
void operator delete(void* block, std::align_val_t /*alignment*/) noexcept { replaced_allocation::release(block); }
void operator delete[](void* block, std::align_val_t /*alignment*/) noexcept { replaced_allocation::release(block); }
void operator delete(void* block, std::size_t /*size*/, std::align_val_t /*alignment*/) noexcept {
    replaced_allocation::release(block);
}
void operator delete[](void* block, std::size_t /*size*/, std::align_val_t /*alignment*/) noexcept {
    replaced_allocation::release(block);
}
void operator delete(void* block, std::align_val_t /*alignment*/, const std::nothrow_t& /*tag*/) noexcept {
    replaced_allocation::release(block);
}
void operator delete[](void* block, std::align_val_t /*alignment*/, const std::nothrow_t& /*tag*/) noexcept {
    replaced_allocation::release(block);
}
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#pragma GCC diagnostic pop
#endif

#endif  // KONNECT_MODELS_TESTS_REPLACED_ALLOCATION_HPP
