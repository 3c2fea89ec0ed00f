// Một Cửa: Tasklist writes "first name last name" everywhere ("Lan Ngô Thị"); a Vietnamese name reads family name
// first ("Ngô Thị Lan"). The identity (built-in or Keycloak) keeps first and last name as they are; only what Tasklist
// reads from the engine API is put in Vietnamese order: the whole name as first name, no last name.

function vietnameseOrder(value) {
  if (Array.isArray(value)) {
    value.forEach(vietnameseOrder);
  } else if (value && typeof value === 'object') {
    if ('firstName' in value && 'lastName' in value && value.lastName) {
      value.firstName = (value.lastName + ' ' + (value.firstName || '')).trim();
      value.lastName = '';
    }
    Object.values(value).forEach(vietnameseOrder);
  }
  return value;
}

// Both of Tasklist's HTTP clients (AngularJS and the SDK's superagent) read responseText or response once the answer
// is complete: those getters give the engine API's JSON with the names reordered.
const engineAnswers = new WeakSet();
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(url).includes('/api/engine/')) {
    engineAnswers.add(this);
  }
  return open.call(this, method, url, ...rest);
};

function reordered(xhr, text) {
  if (!engineAnswers.has(xhr) || xhr.readyState !== 4 || typeof text !== 'string' || !text.includes('"lastName"')) {
    return text;
  }
  if (xhr.motcuaText === undefined) {
    try {
      xhr.motcuaText = JSON.stringify(vietnameseOrder(JSON.parse(text)));
    } catch (notJson) {
      xhr.motcuaText = text;
    }
  }
  return xhr.motcuaText;
}

['responseText', 'response'].forEach(name => {
  const original = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, name);
  Object.defineProperty(XMLHttpRequest.prototype, name, {
    configurable: true,
    enumerable: original.enumerable,
    get() {
      return reordered(this, original.get.call(this));
    }
  });
});
