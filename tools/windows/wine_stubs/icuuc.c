/* Wine test prefix only, never shipped. Wine 8.0 has no icuuc.dll, which Qt6Core imports
   (Windows 10/11 ship it). Every converter "fails to open", so Qt uses its own UTF-8/16/32 and
   Latin-1 codecs, which are all Craffu needs. */
#include <stddef.h>
#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4

EXPORT void *ucnv_open(const char *name, int *status) {
    (void)name;
    if (status) *status = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT void ucnv_close(void *c) { (void)c; }
EXPORT void ucnv_reset(void *c) { (void)c; }
EXPORT int ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int n) { (void)n; return NULL; }
EXPORT const char *ucnv_getStandardName(const char *n, const char *s, int *status) {
    (void)n; (void)s;
    if (status) *status = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT const char *ucnv_getName(const void *c, int *status) {
    (void)c;
    if (status) *status = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT signed char ucnv_getMaxCharSize(const void *c) { (void)c; return 1; }
EXPORT int ucnv_toUCountPending(const void *c, int *status) { (void)c; (void)status; return 0; }
EXPORT int ucnv_fromUCountPending(const void *c, int *status) { (void)c; (void)status; return 0; }
/* Never reached (no converter ever opens); present because Qt6Core links them. */
EXPORT void ucnv_toUnicode(void) {}
EXPORT void ucnv_fromUnicode(void) {}
EXPORT void ucnv_getToUCallBack(void) {}
EXPORT void ucnv_getFromUCallBack(void) {}
EXPORT void ucnv_setToUCallBack(void) {}
EXPORT void ucnv_setFromUCallBack(void) {}
EXPORT void ucnv_cbToUWriteUChars(void) {}
EXPORT void ucnv_cbFromUWriteUChars(void) {}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
