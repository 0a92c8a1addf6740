/* Wine test prefix only, never shipped. Wine 8.0 has no bcryptprimitives.dll, whose ProcessPrng
   Rust's standard library (cryptography's _rust.pyd) imports; Windows 10/11 have it. Random
   bytes come from advapi32's RtlGenRandom (SystemFunction036), which Wine implements. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
