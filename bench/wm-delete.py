# Ask the X11 windows given by id to close, as a window manager does when the user clicks the
# close button (a WM_PROTOCOLS / WM_DELETE_WINDOW client message). The app-launch benchmark
# uses it so that each launch follows a clean exit, as after a user quits Pejling: the app's
# RunEvent::Exit closes the database and leaves its clean-close marker. (Xvfb runs no window
# manager, xdotool has no such command, and WebDriver's session end kills the app.)
# Usage: python3 bench/wm-delete.py WINDOW_ID...
import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
d = x.XOpenDisplay(None)
if not d:
    sys.exit("wm-delete: cannot open the display")
class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("l", ctypes.c_long * 5)]
class XEvent(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]
def close(win):
    ev = XEvent()
    ev.xclient.type = 33  # ClientMessage
    ev.xclient.window = win
    ev.xclient.message_type = x.XInternAtom(d, b"WM_PROTOCOLS", 0)
    ev.xclient.format = 32
    ev.xclient.l[0] = x.XInternAtom(d, b"WM_DELETE_WINDOW", 0)
    ev.xclient.l[1] = 0
    x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)]
    x.XSendEvent(d, win, 0, 0, ctypes.byref(ev))
    x.XFlush.argtypes = [ctypes.c_void_p]
    x.XFlush(d)

for arg in sys.argv[1:]:
    close(int(arg, 0))
x.XFlush(d)
