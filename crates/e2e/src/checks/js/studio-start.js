// Chooses the event the published widget opens at: arguments[0].
const st = document.getElementById('st-start');
st.value = arguments[0];
st.dispatchEvent(new Event('change'));
