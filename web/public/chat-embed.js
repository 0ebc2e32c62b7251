/*
 * Inbox chat widget. Add to a page:
 *   <script src="https://YOUR-INBOX/chat-embed.js" data-account="ACCOUNT_ID" async></script>
 * It adds a chat button that opens the account's chat page in a frame.
 */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var account = script.getAttribute('data-account');
  if (!account) return;
  var origin = new URL(script.src).origin;
  var open = false;
  var frame = document.createElement('iframe');
  frame.src = origin + '/chat/' + encodeURIComponent(account);
  frame.title = 'Chat';
  frame.style.cssText = 'position:fixed;right:20px;bottom:88px;width:360px;height:520px;max-height:calc(100vh - 120px);border:0;border-radius:12px;box-shadow:0 10px 40px rgba(15,23,42,.25);display:none;z-index:2147483646;background:#fff';
  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Chat with us';
  button.setAttribute('aria-expanded', 'false');
  button.style.cssText = 'position:fixed;right:20px;bottom:20px;padding:14px 18px;border:0;border-radius:999px;background:#4f46e5;color:#fff;font:600 14px system-ui,sans-serif;cursor:pointer;box-shadow:0 6px 20px rgba(79,70,229,.4);z-index:2147483647';
  button.addEventListener('click', function () {
    open = !open;
    frame.style.display = open ? 'block' : 'none';
    button.setAttribute('aria-expanded', String(open));
  });
  document.body.appendChild(frame);
  document.body.appendChild(button);
})();
