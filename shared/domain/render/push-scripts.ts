import { SUBSCRIPTION_PATHS } from '../../../events/subscriber-names';
import { IMMUTABLE_CACHE_CONTROL, type RenderedFile } from './site-config';
import { contentHash } from './stylesheet';

/**
 * Progressive enhancement of the sign-up page: where the browser has service
 * workers and the Push API, a button subscribes it (with the sections, tags
 * and breaking choice filled in the form) and registers the subscription with
 * the API. Without script or support the button stays hidden.
 */
export const PUSH_OPT_IN_JS = `(function(){var box=document.querySelector('[data-push]');if(!box||!('serviceWorker' in navigator)||!('PushManager' in window))return;box.hidden=false;var btn=box.querySelector('button'),st=box.querySelector('[data-push-status]');function say(t){st.textContent=t;}function val(id){var e=document.getElementById(id);return e?e.value.split(',').map(function(s){return s.trim();}).filter(Boolean):[];}function key(b){var p=(b+'='.repeat((4-b.length%4)%4)).replace(/-/g,'+').replace(/_/g,'/');var r=atob(p),a=new Uint8Array(r.length);for(var i=0;i<r.length;i++)a[i]=r.charCodeAt(i);return a;}btn.addEventListener('click',function(){say('Asking your browser…');Promise.all([fetch('${SUBSCRIPTION_PATHS.pushKey}').then(function(r){return r.json();}),navigator.serviceWorker.register('${SUBSCRIPTION_PATHS.serviceWorker}')]).then(function(x){return x[1].pushManager.subscribe({userVisibleOnly:true,applicationServerKey:key(x[0].publicKey)});}).then(function(s){var b=document.getElementById('breaking');return fetch('${SUBSCRIPTION_PATHS.pushSubscriptions}',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({subscription:s.toJSON(),sections:val('sections'),tags:val('tags'),breaking:!!(b&&b.checked)})});}).then(function(r){say(r.ok?'Browser notifications are on.':'Could not turn notifications on.');},function(){say('Notifications are blocked or not available in this browser.');});});})();
`;

/** The service worker: shows each pushed alert and opens its story on click. */
export const PUSH_SERVICE_WORKER_JS = `self.addEventListener('push',function(e){var d={};try{d=e.data?e.data.json():{};}catch(x){}e.waitUntil(self.registration.showNotification(d.title||'News alert',{body:d.body||'',tag:d.tag,data:{url:d.url||'/'}}));});self.addEventListener('notificationclick',function(e){e.notification.close();e.waitUntil(clients.openWindow(e.notification.data.url));});
`;

const OPT_IN: RenderedFile = {
  key: `assets/push-opt-in.${contentHash(PUSH_OPT_IN_JS)}.js`,
  body: PUSH_OPT_IN_JS,
  contentType: 'text/javascript; charset=utf-8',
  cacheControl: IMMUTABLE_CACHE_CONTROL,
};

/** The opt-in script (content-addressed) and the service worker (at the root, so its scope is the site; revalidated). */
export function pushScripts(): RenderedFile[] {
  return [
    OPT_IN,
    {
      key: SUBSCRIPTION_PATHS.serviceWorker.slice(1),
      body: PUSH_SERVICE_WORKER_JS,
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'no-cache',
    },
  ];
}

/** Root-relative URL of the opt-in script. */
export function pushOptInHref(): string {
  return `/${OPT_IN.key}`;
}
