import './style.css';
import { api } from './api.js';
import { homeScreen, venueScreen, type AppContext } from './screens.js';
import { zalo } from './zalo.js';

/** Venue tokens are short base64url strings; anything else in `v` is not ours. */
const TOKEN = /^[A-Za-z0-9_-]{8,200}$/;

let token: Promise<string> | undefined;
/** One access token per app session (fetched again after a failure). */
const accessToken = () => {
  token ??= zalo.accessToken().catch((err: unknown) => {
    token = undefined;
    throw err;
  });
  return token;
};

const v = zalo.routeParams().v;
const ctx: AppContext = { api: api(accessToken), zalo, venueToken: v && TOKEN.test(v) ? v : undefined };
if (ctx.venueToken) void venueScreen(ctx, ctx.venueToken);
else homeScreen(ctx);
