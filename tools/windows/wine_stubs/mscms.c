/* Wine test prefix only, never shipped. Qt's qwindows plugin calls WcsCreateIccProfile, which
   Wine 8.0's own mscms.dll does not implement (the process aborts). These four fail cleanly, so
   Qt keeps sRGB. Loaded in place of Wine's builtin through a DllOverrides entry (mscms=native). */
#include <windows.h>

__declspec(dllexport) HANDLE WINAPI OpenColorProfileW(void *p, DWORD a, DWORD s, DWORD c) {
    (void)p; (void)a; (void)s; (void)c;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
__declspec(dllexport) BOOL WINAPI CloseColorProfile(HANDLE h) { (void)h; return FALSE; }
__declspec(dllexport) BOOL WINAPI GetColorProfileFromHandle(HANDLE h, BYTE *b, DWORD *n) {
    (void)h; (void)b; (void)n;
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}
__declspec(dllexport) HANDLE WINAPI WcsCreateIccProfile(HANDLE h, DWORD f) {
    (void)h; (void)f;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
