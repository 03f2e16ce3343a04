// CloudFront Functions (cloudfront-js-2.0) viewer-request handler: pretty URLs, expired previews.
// This file is deployed verbatim as the function's code and evaluated by the local CDN server,
// so it must stay plain JavaScript without imports.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  // A preview (/preview/<expiry, base-36 epoch seconds>-<random>/) is gone once its time is up. The expiry is part
  // of the object key, so editing it in the URL finds nothing. Format: shared/domain/publishing/preview.ts.
  var preview = /^\/preview\/([0-9a-z]+)-[A-Za-z0-9_-]{22}\//.exec(uri);
  if (preview && parseInt(preview[1], 36) * 1000 <= Date.now()) {
    return { statusCode: 410, statusDescription: 'Gone', headers: { 'cache-control': { value: 'no-store' } } };
  }
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.lastIndexOf('.') < uri.lastIndexOf('/') + 1) {
    // Browsers read a location starting with // or /\ as another host: collapse the leading run to one slash.
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: '/' + uri.replace(/^[/\\]+/, '') + '/' + queryString(request.querystring) } },
    };
  }
  return request;
}

// The query string as the viewer sent it (CloudFront passes names and values still encoded), with its `?`.
function queryString(querystring) {
  var parts = [];
  var name, values, i;
  for (name in querystring) {
    values = querystring[name].multiValue ? querystring[name].multiValue : [querystring[name]];
    for (i = 0; i < values.length; i++) {
      parts.push(values[i].value === '' ? name : name + '=' + values[i].value);
    }
  }
  return parts.length > 0 ? '?' + parts.join('&') : '';
}
